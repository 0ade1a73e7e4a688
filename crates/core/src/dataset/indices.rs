//! Dense typed indices that `Dataset::load` issues: a position in one of the dataset's lists,
//! typed by the list (in the manner of regex-automata's `PatternID`), so that a lookup by one
//! cannot fail and cannot reach into the wrong list. The matcher, mentions and search store
//! these instead of ids; ids (`Id`) stay the stable names that files and buttons carry.

use std::ops::Index;

use super::{Body, Dataset, Expert, Group, Passage, Source};

macro_rules! dense_index {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(u32);

        impl $name {
            /// The index of `position` in its list. Only the dataset issues indices, for
            /// positions below its list's length. A list of 2^32 items (hundreds of
            /// gigabytes of JSON, read whole into memory by the shell) is out of reach.
            pub(in crate::dataset) fn at(position: usize) -> $name {
                $name(u32::try_from(position).unwrap_or(u32::MAX))
            }

            /// The position, for a table with one entry per item of this kind (built by
            /// iterating the dataset's list in order).
            pub fn index(self) -> usize {
                // A u32 always fits a usize on the targets we build for (32 and 64 bits).
                self.0 as usize
            }
        }
    };
}

dense_index!(
    /// A source's place in [`Dataset::sources`].
    SourceIx
);
dense_index!(
    /// An expert's place in [`Dataset::experts`].
    ExpertIx
);
dense_index!(
    /// A group's place in [`Dataset::groups`].
    GroupIx
);
dense_index!(
    /// A body's place in [`Dataset::bodies`].
    BodyIx
);
dense_index!(
    /// A passage's place in [`Dataset::passages`] (source order).
    PassageIx
);
dense_index!(
    /// An entity's place among all entities, experts first, then groups, then bodies (the
    /// order of [`Dataset::entities`]): one dense numbering, so that a table per entity is a
    /// `Vec` indexed by it.
    EntityIx
);

/// Lookups by index: infallible for an index this dataset issued. (An index kept across a
/// reload belongs to the old dataset: keep ids, not indices, across reloads.)
#[allow(clippy::indexing_slicing)] // The invariant above: issued for a position in the list.
mod lookups {
    use super::*;

    impl Index<SourceIx> for Dataset {
        type Output = Source;
        fn index(&self, ix: SourceIx) -> &Source {
            &self.sources()[ix.index()]
        }
    }
    impl Index<ExpertIx> for Dataset {
        type Output = Expert;
        fn index(&self, ix: ExpertIx) -> &Expert {
            &self.experts()[ix.index()]
        }
    }
    impl Index<GroupIx> for Dataset {
        type Output = Group;
        fn index(&self, ix: GroupIx) -> &Group {
            &self.groups()[ix.index()]
        }
    }
    impl Index<BodyIx> for Dataset {
        type Output = Body;
        fn index(&self, ix: BodyIx) -> &Body {
            &self.bodies()[ix.index()]
        }
    }
    impl Index<PassageIx> for Dataset {
        type Output = Passage;
        fn index(&self, ix: PassageIx) -> &Passage {
            &self.passages()[ix.index()]
        }
    }
}

/// Which kind of entity an [`EntityIx`] is, with its index in that kind's list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EntityOf {
    /// One of [`Dataset::experts`].
    Expert(ExpertIx),
    /// One of [`Dataset::groups`].
    Group(GroupIx),
    /// One of [`Dataset::bodies`].
    Body(BodyIx),
}
