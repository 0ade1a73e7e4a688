//! `PassageIndex`: what a `Dataset` answers its queries on passages from, built once at load:
//! the passages each expert speaks, the passages that concern each entity, the experts with a
//! wish for each year, and each source's title, question and run of passages.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use super::{EntityIx, ExpertIx, Id, Passage, PassageIx, PassageKind, Slot, SourceIx};

/// The passage tables, each a `Vec` indexed by a dense index of the dataset.
#[derive(Debug, Default)]
pub(super) struct PassageIndex {
    /// By expert: their passages, in source order.
    said: Vec<Vec<PassageIx>>,
    /// By entity (experts, then groups, then bodies): the passages that concern it, in
    /// source order.
    about: Vec<Vec<PassageIx>>,
    /// By year with wishes: the experts (in order) with a wish for it, so that a page of
    /// `/wish YEAR` costs the page, not the dataset.
    wishers: BTreeMap<i32, Vec<ExpertIx>>,
    /// By source: its title passage and its question passage.
    heads: Vec<(Option<PassageIx>, Option<PassageIx>)>,
    /// By source: the range of its passages in the dataset's list (passages are kept in
    /// source order, so each source's are one run).
    spans: Vec<Range<usize>>,
}

impl PassageIndex {
    /// Builds every table from the passages in source order (`at` set) and the id index.
    pub(super) fn build(
        passages: &[Passage],
        by_id: &HashMap<Id, Slot>,
        (experts, groups, bodies): (usize, usize, usize),
        sources: usize,
    ) -> PassageIndex {
        let mut index = PassageIndex {
            said: vec![Vec::new(); experts],
            about: vec![Vec::new(); experts + groups + bodies],
            heads: vec![(None, None); sources],
            spans: vec![0..0; sources],
            ..PassageIndex::default()
        };
        let slot = |id: &Id| by_id.get(id.as_str()).copied();
        for (i, p) in passages.iter().enumerate() {
            let ix = PassageIx::at(i);
            if let Some(Slot::Expert(e)) = p.speaker.as_ref().and_then(slot)
                && let Some(list) = index.said.get_mut(e.index())
            {
                list.push(ix);
                if let (PassageKind::Wish, Some(year)) = (p.kind, p.year) {
                    index.wishers.entry(year).or_default().push(e);
                }
            }
            for n in p
                .concerns
                .iter()
                .filter_map(|c| slot(c)?.entity(experts, groups))
            {
                // A passage that names an entity twice concerns it once.
                if let Some(list) = index.about.get_mut(n.index())
                    && list.last() != Some(&ix)
                {
                    list.push(ix);
                }
            }
            if let Some(Slot::Source(s)) = slot(&p.source) {
                index.place(s, i, ix, p.kind);
            }
        }
        // Passages are in source order, not by speaker: each year's experts in the dataset's
        // order, each once.
        for experts in index.wishers.values_mut() {
            experts.sort_unstable();
            experts.dedup();
        }
        index
    }

    /// Notes passage `ix` (at `position`) in its source's run and heads.
    fn place(&mut self, source: SourceIx, position: usize, ix: PassageIx, kind: PassageKind) {
        if let Some(span) = self.spans.get_mut(source.index()) {
            if span.start == span.end {
                *span = position..position;
            }
            span.end = position + 1;
        }
        if let Some((title, question)) = self.heads.get_mut(source.index()) {
            match kind {
                PassageKind::Title => title.get_or_insert(ix),
                PassageKind::Question => question.get_or_insert(ix),
                _ => return,
            };
        }
    }

    /// An expert's passages (statements and wishes), in source order.
    pub(super) fn said(&self, expert: ExpertIx) -> &[PassageIx] {
        self.said.get(expert.index()).map_or(&[], Vec::as_slice)
    }

    /// The passages that concern an entity, in source order.
    pub(super) fn about(&self, entity: EntityIx) -> &[PassageIx] {
        self.about.get(entity.index()).map_or(&[], Vec::as_slice)
    }

    /// The experts with a wish for `year`, in the dataset's order.
    pub(super) fn wishers(&self, year: i32) -> &[ExpertIx] {
        self.wishers.get(&year).map_or(&[], Vec::as_slice)
    }

    /// The years that have at least one wish, ascending.
    pub(super) fn wish_years(&self) -> impl Iterator<Item = i32> + '_ {
        self.wishers.keys().copied()
    }

    /// A source's title passage and question passage.
    pub(super) fn head(&self, source: SourceIx) -> (Option<PassageIx>, Option<PassageIx>) {
        self.heads
            .get(source.index())
            .copied()
            .unwrap_or((None, None))
    }

    /// Where a source's passages stand in the dataset's list.
    pub(super) fn span(&self, source: SourceIx) -> Range<usize> {
        self.spans.get(source.index()).cloned().unwrap_or(0..0)
    }
}
