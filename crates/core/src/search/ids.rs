//! The index's own numbering: terms, documents and, while indexing, the words and stems met,
//! each a `u32` (half a `usize`, in tables with an entry per posting or per word written).

/// A `u32` always fits a `usize` on the targets we build for, so [`widen`] cannot truncate.
const _: () = assert!(usize::BITS >= u32::BITS);

/// A position or count stored as `u32` (to halve the tables holding it), as a `usize` to index
/// with: the one place search widens one.
pub(super) fn widen(n: u32) -> usize {
    // Lossless: the assertion above.
    n as usize
}

/// A position stored as `u32`. The index's tables stay below 2^32 entries (the dataset's
/// passages and the words written in them fit memory long before), so this saturates only
/// where nothing reaches.
pub(super) fn narrow(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// An index type whose values are positions in one table: the tables of search take it as
/// their key, so a term cannot be looked up as a document.
pub(super) trait Position: Copy {
    /// The position in the table this index type is issued for.
    fn index(self) -> usize;
}

impl Position for crate::dataset::EntityIx {
    fn index(self) -> usize {
        crate::dataset::EntityIx::index(self)
    }
}

macro_rules! position {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub(super) struct $name(u32);

        impl $name {
            /// The index of `position` in its table.
            pub(super) fn at(position: usize) -> $name {
                $name(narrow(position))
            }
        }

        impl Position for $name {
            fn index(self) -> usize {
                widen(self.0)
            }
        }
    };
}

position!(
    /// A term: a stem of the vocabulary, numbered in sorted order (so that its number is its
    /// place in the sorted terms, and fuzzy lookups walk them as a trie).
    TermId
);
position!(
    /// A document: a passage that search ranks (every passage but the titles), numbered in
    /// source order, so that one source's documents are one run.
    DocId
);
position!(
    /// While indexing: a word as written, numbered in the order first met.
    WordId
);
position!(
    /// While indexing: a stem, numbered in the order first met (renumbered as a [`TermId`]
    /// once every stem is known).
    StemId
);
