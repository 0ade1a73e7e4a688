//! Lists per key packed in one vector: where each key's list starts ([`Offsets`]), and the
//! lists themselves ([`Packed`]). One allocation for millions of short lists.

use std::marker::PhantomData;
use std::ops::Range;

use super::ids::{Position, narrow, widen};

/// Where the list of each key starts in a packed vector, one entry more than there are keys
/// (the last is where the last list ends). Stored as `u32`: half the memory of `usize`.
#[derive(Debug)]
pub(super) struct Offsets<K> {
    start: Vec<u32>,
    key: PhantomData<K>,
}

impl<K> Default for Offsets<K> {
    fn default() -> Self {
        Offsets {
            start: vec![0],
            key: PhantomData,
        }
    }
}

impl<K: Position> Offsets<K> {
    /// Offsets from the start of every list and the end of the last.
    pub(super) fn from_starts(start: Vec<u32>) -> Self {
        Offsets {
            start,
            key: PhantomData,
        }
    }

    /// The places of `key`'s list (empty for a key past the end).
    pub(super) fn range(&self, key: K) -> Range<usize> {
        let i = key.index();
        match (
            self.start.get(i),
            i.checked_add(1).and_then(|j| self.start.get(j)),
        ) {
            (Some(&a), Some(&b)) => widen(a)..widen(b),
            _ => 0..0,
        }
    }

    /// The bytes of the offsets on the heap (`SearchIndex::heap_bytes`).
    pub(super) fn heap_bytes(&self) -> usize {
        self.start.capacity() * size_of::<u32>()
    }
}

/// Lists of `V` per key `K`, packed in one vector.
#[derive(Debug)]
pub(super) struct Packed<K, V> {
    offsets: Offsets<K>,
    items: Vec<V>,
}

impl<K, V> Default for Packed<K, V> {
    fn default() -> Self {
        Packed {
            offsets: Offsets::default(),
            items: Vec::new(),
        }
    }
}

impl<K: Position, V> Packed<K, V> {
    /// The lists, in key order, packed.
    pub(super) fn from_lists(lists: Vec<Vec<V>>) -> Self {
        let mut start = Vec::with_capacity(lists.len() + 1);
        let mut items = Vec::new();
        for list in lists {
            start.push(narrow(items.len()));
            items.extend(list);
        }
        start.push(narrow(items.len()));
        Packed {
            offsets: Offsets::from_starts(start),
            items,
        }
    }

    /// Adds `item` to the list being filled (the one after the last ended).
    pub(super) fn push(&mut self, item: V) {
        self.items.push(item);
    }

    /// Ends the list being filled: the next item starts the next key's list.
    pub(super) fn end_list(&mut self) {
        self.offsets.start.push(narrow(self.items.len()));
    }

    /// How many lists have ended: the keys numbered so far.
    pub(super) fn lists(&self) -> usize {
        self.offsets.start.len().saturating_sub(1)
    }

    /// Every item of every list, in key order: for totals over all lists.
    pub(super) fn items(&self) -> &[V] {
        &self.items
    }

    /// The list of `key` (empty for a key past the end).
    pub(super) fn get(&self, key: K) -> &[V] {
        self.items.get(self.offsets.range(key)).unwrap_or_default()
    }

    /// The same lists with every item mapped by `f`.
    pub(super) fn map<W>(self, f: impl FnMut(V) -> W) -> Packed<K, W> {
        Packed {
            offsets: self.offsets,
            items: self.items.into_iter().map(f).collect(),
        }
    }

    /// The bytes of the lists on the heap (`SearchIndex::heap_bytes`).
    pub(super) fn heap_bytes(&self) -> usize {
        self.offsets.heap_bytes() + self.items.capacity() * size_of::<V>()
    }
}
