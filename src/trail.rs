//! Back and Forward through the places visited (views and records), like
//! a browser's: visiting somewhere new forgets the forward steps.

/// Places visited before and after the current one.
#[derive(Clone, Debug)]
pub struct Trail<T> {
    back: Vec<T>,
    forward: Vec<T>,
}

impl<T> Default for Trail<T> {
    fn default() -> Self {
        Self {
            back: Vec::new(),
            forward: Vec::new(),
        }
    }
}

/// How many places Back remembers.
const LIMIT: usize = 100;

impl<T: PartialEq> Trail<T> {
    /// The organizer went from `from` to somewhere else.
    pub fn left(&mut self, from: T) {
        if self.back.last() != Some(&from) {
            self.back.push(from);
        }
        if self.back.len() > LIMIT {
            self.back.remove(0);
        }
        self.forward.clear();
    }

    /// Where Back goes from `current` (which Forward will return to).
    pub fn back(&mut self, current: T) -> Option<T> {
        let to = self.back.pop()?;
        self.forward.push(current);
        Some(to)
    }

    /// Where Forward goes from `current`.
    pub fn forward(&mut self, current: T) -> Option<T> {
        let to = self.forward.pop()?;
        self.back.push(current);
        Some(to)
    }

    /// Whether Back has somewhere to go.
    pub fn can_go_back(&self) -> bool {
        !self.back.is_empty()
    }

    /// Whether Forward has somewhere to go.
    pub fn can_go_forward(&self) -> bool {
        !self.forward.is_empty()
    }

    /// Drops places that no longer exist (a deleted person, say).
    pub fn retain(&mut self, keep: impl Fn(&T) -> bool) {
        self.back.retain(&keep);
        self.forward.retain(&keep);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn back_and_forward_walk_the_visits_and_a_new_visit_forgets_forward() {
        let mut trail = Trail::default();
        trail.left("dashboard");
        trail.left("people");
        // Now at "ana".
        assert_eq!(trail.back("ana"), Some("people"));
        assert_eq!(trail.back("people"), Some("dashboard"));
        assert_eq!(trail.back("dashboard"), None);
        assert_eq!(trail.forward("dashboard"), Some("people"));
        assert!(trail.can_go_forward());
        trail.left("people");
        assert!(!trail.can_go_forward(), "a new visit forgets forward");
        assert!(trail.can_go_back());
        trail.retain(|place| *place != "dashboard");
        assert_eq!(trail.back("map"), Some("people"));
        assert_eq!(trail.back("people"), None);
    }
}
