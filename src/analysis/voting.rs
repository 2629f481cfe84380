//! What a dot vote says about the weighted analysis: does the room's favourite come first?

/// The room's favourite(s) against the analysis' first place. Indices are positions in the
/// round's targets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RoomVsAnalysis {
    /// The one item with the most dots is also first in the analysis.
    Agree {
        /// The favourite.
        favourite: usize,
    },
    /// Several items share the most dots; the analysis' first is one of them.
    Split {
        /// The items with the most dots.
        favourites: Vec<usize>,
        /// The analysis' first.
        first: usize,
    },
    /// The analysis' first is not among the items with the most dots.
    Disagree {
        /// The items with the most dots.
        favourites: Vec<usize>,
        /// The analysis' first.
        first: usize,
    },
}

/// Compares the dots per item with the analysis' ranks (`None` for items it does not rank).
/// `None` when nobody has voted yet or the analysis ranks none of the items.
pub fn compare(counts: &[u32], ranks: &[Option<usize>]) -> Option<RoomVsAnalysis> {
    let top = counts.iter().copied().max().filter(|top| *top > 0)?;
    let favourites: Vec<usize> = (0..counts.len()).filter(|i| counts[*i] == top).collect();
    compare_favourites(favourites, ranks)
}

/// Compares the room's favourites (positions in the round's items, whatever the round's kind
/// made them favourites: most dots or points, best mean rank or rating) with the analysis'
/// ranks. `None` without favourites or when the analysis ranks none of the items.
pub fn compare_favourites(
    favourites: Vec<usize>,
    ranks: &[Option<usize>],
) -> Option<RoomVsAnalysis> {
    if favourites.is_empty() {
        return None;
    }
    let first = ranks.iter().position(|r| *r == Some(1))?;
    Some(if favourites == [first] {
        RoomVsAnalysis::Agree { favourite: first }
    } else if favourites.contains(&first) {
        RoomVsAnalysis::Split { favourites, first }
    } else {
        RoomVsAnalysis::Disagree { favourites, first }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const RANKS: [Option<usize>; 3] = [Some(2), Some(1), Some(3)];

    #[test]
    fn the_room_agrees_splits_or_disagrees_with_the_analysis() {
        assert_eq!(
            compare(&[1, 5, 2], &RANKS),
            Some(RoomVsAnalysis::Agree { favourite: 1 })
        );
        assert_eq!(
            compare(&[5, 5, 2], &RANKS),
            Some(RoomVsAnalysis::Split {
                favourites: vec![0, 1],
                first: 1
            })
        );
        assert_eq!(
            compare(&[4, 1, 4], &RANKS),
            Some(RoomVsAnalysis::Disagree {
                favourites: vec![0, 2],
                first: 1
            })
        );
    }

    #[test]
    fn no_votes_or_no_ranking_says_nothing() {
        assert_eq!(compare(&[0, 0, 0], &RANKS), None);
        assert_eq!(compare(&[1, 2, 0], &[None, None, None]), None);
    }
}
