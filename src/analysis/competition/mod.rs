//! Where we stand against competitors, arena by arena, now and at an earlier rating date
//! ([`moves`]: how positions moved since).

mod moves;
#[cfg(test)]
mod tests;

pub use moves::{Change, Move, OptionMove, earlier_rating_dates, moves, option_moves, point_text};

use crate::model::competition::score_in;
use crate::model::{Arena, ArenaScore, CompetitorKind, Date, Project};

/// How close two strengths may be and still count as level, in points of the 0–10 scale.
pub const LEVEL_MARGIN: f64 = 0.5;

/// Our position in an arena against the strongest competitor rated there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Position {
    /// More than [`LEVEL_MARGIN`] above the strongest competitor.
    Ahead,
    /// Within [`LEVEL_MARGIN`] of the strongest competitor.
    Level,
    /// More than [`LEVEL_MARGIN`] below the strongest competitor.
    Behind,
}

/// Our position in an arena, or `None` where we or no competitor is rated.
pub fn position(project: &Project, arena: Arena) -> Option<Position> {
    position_against(project, arena, None)
}

/// A hasher for the small integer keys of [`Standings`] (an arena's variant and id, a
/// competitor kind): the standard hasher resists hash flooding, which these keys from the
/// project do not need, and costs most of the time of the suggestions for a large project.
#[derive(Clone, Copy, Debug, Default)]
pub struct SmallKeyHasher(u64);

impl std::hash::Hasher for SmallKeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.write_u64(u64::from(*b));
        }
    }

    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        // The multiply-rotate step of FxHash (rustc's hasher for small keys).
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }

    fn write_isize(&mut self, n: isize) {
        #[allow(clippy::cast_sign_loss)]
        self.write_u64(n as u64);
    }
}

pub(crate) type SmallKeyMap<K, V> =
    std::collections::HashMap<K, V, std::hash::BuildHasherDefault<SmallKeyHasher>>;

/// Where we stand in every arena, computed once for many lookups (the consistency findings ask
/// for each option's arenas against each kind of competitor).
#[derive(Clone, Debug, Default)]
pub struct Standings {
    /// Our strength per arena.
    ours: SmallKeyMap<Arena, f64>,
    /// The strongest competitor's strength per arena and kind.
    best: SmallKeyMap<(Arena, CompetitorKind), f64>,
}

impl Standings {
    /// The standings of a project's competition matrix.
    pub fn of(project: &Project) -> Self {
        let c = &project.competition;
        Self::from_ratings(
            &c.our_strength,
            c.competitors
                .iter()
                .map(|c| (c.kind, c.strength.as_slice())),
        )
    }

    /// The standings at an earlier point (`None`: the undated ratings), from each side's
    /// rating in force then ([`crate::model::competition::Ratings::at`]): a side not rated yet
    /// then counts as not rated. A competitor's kind is taken as it is now.
    pub fn at(project: &Project, point: Option<Date>) -> Self {
        let c = &project.competition;
        let ours = c.our_ratings().at(point).map_or(&[][..], |(_, s)| s);
        Self::from_ratings(
            ours,
            c.competitors
                .iter()
                .filter_map(|c| Some((c.kind, c.ratings().at(point)?.1))),
        )
    }

    fn from_ratings<'a>(
        ours: &[ArenaScore],
        competitors: impl Iterator<Item = (CompetitorKind, &'a [ArenaScore])>,
    ) -> Self {
        let ours = ours.iter().map(|s| (s.arena, s.score)).collect();
        let mut best: SmallKeyMap<(Arena, CompetitorKind), f64> = SmallKeyMap::default();
        for (kind, strength) in competitors {
            for s in strength {
                let entry = best.entry((s.arena, kind)).or_insert(f64::NEG_INFINITY);
                *entry = entry.max(s.score);
            }
        }
        Self { ours, best }
    }

    /// Our position in an arena against the strongest competitor of a kind, as
    /// [`position_against`] gives it.
    pub fn position(&self, arena: Arena, kind: CompetitorKind) -> Option<Position> {
        self.strengths(arena, kind)
            .map(|(ours, best)| compare(ours, best))
    }

    /// Our strength and the strongest competitor's of a kind in an arena, where both are
    /// rated.
    pub fn strengths(&self, arena: Arena, kind: CompetitorKind) -> Option<(f64, f64)> {
        Some((*self.ours.get(&arena)?, *self.best.get(&(arena, kind))?))
    }
}

/// Our position given our strength and the strongest competitor's.
pub fn compare(ours: f64, best: f64) -> Position {
    if ours > best + LEVEL_MARGIN {
        Position::Ahead
    } else if ours >= best - LEVEL_MARGIN {
        Position::Level
    } else {
        Position::Behind
    }
}

/// Our position in an arena against the strongest competitor of one kind (performance or
/// attention; `None`: of either kind), or `None` where we or no such competitor is rated.
pub fn position_against(
    project: &Project,
    arena: Arena,
    kind: Option<CompetitorKind>,
) -> Option<Position> {
    let ours = score_in(&project.competition.our_strength, arena)?;
    let best = project
        .competition
        .competitors
        .iter()
        .filter(|c| kind.is_none_or(|k| c.kind == k))
        .filter_map(|c| score_in(&c.strength, arena))
        .reduce(f64::max)?;
    Some(compare(ours, best))
}
