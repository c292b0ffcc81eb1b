//! A value worked out once per key: the views' caches (rows per query and
//! revision, links per person and revision, …) all have this shape.

/// The last value computed and the key it was computed for.
#[derive(Clone, Debug)]
pub struct Memo<K, V> {
    entry: Option<(K, V)>,
}

impl<K, V> Default for Memo<K, V> {
    fn default() -> Self {
        Self { entry: None }
    }
}

impl<K: PartialEq, V> Memo<K, V> {
    /// The value for `key`, computed by `compute` only when the key changed.
    pub fn get_or_compute(&mut self, key: K, compute: impl FnOnce() -> V) -> &V {
        let fresh = self.entry.as_ref().is_some_and(|(k, _)| *k == key);
        if !fresh {
            self.entry = Some((key, compute()));
        }
        match &self.entry {
            Some((_, value)) => value,
            None => unreachable!("just filled"),
        }
    }

    /// The value if it was computed for `key`.
    pub fn get(&self, key: &K) -> Option<&V> {
        self.entry
            .as_ref()
            .filter(|(k, _)| k == key)
            .map(|(_, value)| value)
    }

    /// The last value computed, whatever its key.
    pub fn last(&self) -> Option<&V> {
        self.entry.as_ref().map(|(_, value)| value)
    }

    /// Forgets the value (the next call computes it again).
    pub fn clear(&mut self) {
        self.entry = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn computes_once_per_key() {
        let mut memo: Memo<u32, String> = Memo::default();
        let mut runs = 0;
        for key in [1, 1, 2, 2, 1] {
            memo.get_or_compute(key, || {
                runs += 1;
                format!("v{key}")
            });
        }
        assert_eq!(runs, 3);
        assert_eq!(memo.get(&1).map(String::as_str), Some("v1"));
        assert_eq!(memo.get(&2), None);
        memo.clear();
        assert_eq!(memo.get(&1), None);
    }
}
