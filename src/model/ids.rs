//! Stable ids for records. Records refer to each other only through these,
//! never through positions in a list.

use serde::{Deserialize, Serialize};

macro_rules! define_id {
    ($(#[$doc:meta])* $name:ident, $prefix:literal) => {
        $(#[$doc])*
        #[derive(
            Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
        )]
        #[serde(transparent)]
        pub struct $name(pub u64);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "{}#{}", $prefix, self.0)
            }
        }
    };
}

define_id!(
    /// Identifies a person for the life of a project.
    PersonId,
    "person"
);
define_id!(
    /// Identifies a one-to-one meeting.
    MeetingId,
    "meeting"
);
define_id!(
    /// Identifies one introduction (an edge of the relationship map).
    IntroductionId,
    "introduction"
);
define_id!(
    /// Identifies a follow-up item inside a meeting.
    FollowUpId,
    "follow-up"
);

/// Hands out ids that are unique across every kind of record in a project.
///
/// It is derived state: rebuilt from the highest id in use when a project is
/// loaded, and never compared or saved.
#[derive(Clone, Debug, Default)]
pub struct IdAllocator {
    next: u64,
}

impl IdAllocator {
    /// An allocator whose first id is above `highest_in_use`.
    pub fn above(highest_in_use: u64) -> Self {
        Self {
            next: highest_in_use.saturating_add(1),
        }
    }

    /// Makes sure later ids are above `id`.
    pub fn reserve(&mut self, id: u64) {
        self.next = self.next.max(id.saturating_add(1));
    }

    /// The next unused raw id.
    pub fn next_raw(&mut self) -> u64 {
        let id = self.next.max(1);
        self.next = id.saturating_add(1);
        id
    }
}

/// Ids are handed out, not part of a project's value: two projects with the
/// same records are equal whatever their allocators say.
impl PartialEq for IdAllocator {
    fn eq(&self, _other: &Self) -> bool {
        true
    }
}
