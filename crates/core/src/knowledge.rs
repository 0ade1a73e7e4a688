//! Everything the answers need, built once per dataset: the dataset, the name matcher and the
//! search index. Front ends share it as `Arc<Knowledge>`; a reload builds a new one.

use crate::dataset::Dataset;
use crate::matching::Matcher;
use crate::search::SearchIndex;

#[derive(Debug)]
pub struct Knowledge {
    pub dataset: Dataset,
    pub matcher: Matcher,
    pub search: SearchIndex,
}

impl Knowledge {
    pub fn new(dataset: Dataset) -> Knowledge {
        Knowledge {
            matcher: Matcher::new(&dataset),
            search: SearchIndex::new(&dataset),
            dataset,
        }
    }
}
