//! The panes and their arrangement in an `egui_tiles` tree (tabs the user can drag, split and
//! rearrange; the arrangement is remembered between runs).

use super::panes;
use super::state::PaneEnv;
use crate::model::Project;
use serde::{Deserialize, Serialize};

/// One pane per pbsm component, plus the alternatives map.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PaneKind {
    /// 1. Business model and goals.
    Foundation,
    /// 2. Social media performance potential.
    Potential,
    /// 3. Corporate benefit.
    Benefit,
    /// 4. Competitive situation.
    Competition,
    /// 5. Options for action.
    Options,
    /// 6. Strategy alternatives.
    Alternatives,
    /// 6. The decision analysis of the alternatives.
    Decision,
    /// 7. Strategy management.
    Management,
    /// Dot voting in workshops.
    Voting,
    /// Traceability: chains, matrices, loose ends.
    Trace,
    /// The strategy check.
    Check,
    /// The alternatives across competitive quality, risk and resources.
    Map,
}

impl PaneKind {
    /// Every pane, in the order of the method.
    pub const ALL: [Self; 12] = [
        Self::Foundation,
        Self::Potential,
        Self::Benefit,
        Self::Competition,
        Self::Options,
        Self::Alternatives,
        Self::Decision,
        Self::Management,
        Self::Voting,
        Self::Trace,
        Self::Check,
        Self::Map,
    ];

    /// The full name, for menus.
    pub fn title(self) -> &'static str {
        match self {
            Self::Foundation => "1 Foundation: business model and goals",
            Self::Potential => "2 Social media performance potential",
            Self::Benefit => "3 Corporate benefit",
            Self::Competition => "4 Competitive situation",
            Self::Options => "5 Options for action",
            Self::Alternatives => "6 Strategy alternatives",
            Self::Decision => "6 Decision analysis",
            Self::Management => "7 Strategy management",
            Self::Voting => "Voting",
            Self::Trace => "Traceability",
            Self::Check => "Strategy check",
            Self::Map => "Alternatives map",
        }
    }

    /// The short tab title.
    pub fn tab_title(self) -> &'static str {
        match self {
            Self::Foundation => "1 Foundation",
            Self::Potential => "2 Potential",
            Self::Benefit => "3 Benefit",
            Self::Competition => "4 Competition",
            Self::Options => "5 Options",
            Self::Alternatives => "6 Alternatives",
            Self::Decision => "6 Decision",
            Self::Management => "7 Management",
            Self::Voting => "Voting",
            Self::Trace => "Trace",
            Self::Check => "Check",
            Self::Map => "Alternatives map",
        }
    }
}

/// The default arrangement: the method's steps as tabs on the left, the map (and behind it
/// voting, the traceability view and the check) on the right.
pub fn default_tree() -> egui_tiles::Tree<PaneKind> {
    let mut tiles = egui_tiles::Tiles::default();
    let right_side = [
        PaneKind::Map,
        PaneKind::Voting,
        PaneKind::Trace,
        PaneKind::Check,
    ];
    let steps: Vec<_> = PaneKind::ALL
        .iter()
        .filter(|kind| !right_side.contains(kind))
        .map(|kind| tiles.insert_pane(*kind))
        .collect();
    let steps = tiles.insert_tab_tile(steps);
    let right: Vec<_> = right_side
        .iter()
        .map(|kind| tiles.insert_pane(*kind))
        .collect();
    let map = tiles.insert_tab_tile(right);
    let mut linear = egui_tiles::Linear::new(egui_tiles::LinearDir::Horizontal, vec![steps, map]);
    linear.shares.set_share(steps, 0.6);
    linear.shares.set_share(map, 0.4);
    let root = tiles.insert_container(linear);
    egui_tiles::Tree::new(egui::Id::unique("pbsm_panes"), root, tiles)
}

/// The panes for a presentation step that needs the whole width: every pane as a tab, `pane`
/// in front, nothing beside it. The remembered layout stays as it was.
pub fn whole_width_tree(pane: PaneKind) -> egui_tiles::Tree<PaneKind> {
    let mut tree = egui_tiles::Tree::new_tabs(
        egui::Id::unique("pbsm_presenting_panes"),
        PaneKind::ALL.to_vec(),
    );
    show_pane(&mut tree, pane);
    tree
}

/// Whether a tree holds every pane exactly once (a remembered layout from an older build may not).
pub fn is_complete(tree: &egui_tiles::Tree<PaneKind>) -> bool {
    PaneKind::ALL.iter().all(|kind| {
        tree.tiles
            .tiles()
            .filter(|tile| matches!(tile, egui_tiles::Tile::Pane(p) if p == kind))
            .count()
            == 1
    })
}

/// Adds the panes a remembered layout lacks (it was saved by a build that did not have them)
/// as tabs beside the map, or beside any pane if that is gone. Returns false if
/// the layout cannot be completed (a pane appears twice, or there is no tab group to add to);
/// then the caller falls back to [`default_tree`].
pub fn complete(tree: &mut egui_tiles::Tree<PaneKind>) -> bool {
    let count = |tree: &egui_tiles::Tree<PaneKind>, kind: PaneKind| {
        tree.tiles
            .tiles()
            .filter(|tile| matches!(tile, egui_tiles::Tile::Pane(p) if *p == kind))
            .count()
    };
    if PaneKind::ALL.iter().any(|kind| count(tree, *kind) > 1) {
        return false;
    }
    for kind in PaneKind::ALL {
        if count(tree, kind) == 1 {
            continue;
        }
        let beside = [PaneKind::Map]
            .into_iter()
            .chain(PaneKind::ALL)
            .filter_map(|k| tree.tiles.find_pane(&k))
            .filter_map(|tile| tree.tiles.parent_of(tile))
            .find(|parent| {
                matches!(
                    tree.tiles.get(*parent),
                    Some(egui_tiles::Tile::Container(egui_tiles::Container::Tabs(_)))
                )
            });
        let Some(parent) = beside else {
            return false;
        };
        let pane = tree.tiles.insert_pane(kind);
        if let Some(egui_tiles::Tile::Container(container)) = tree.tiles.get_mut(parent) {
            container.add_child(pane);
        }
    }
    is_complete(tree)
}

/// Makes a pane's tab the active one.
pub fn show_pane(tree: &mut egui_tiles::Tree<PaneKind>, kind: PaneKind) {
    tree.make_active(|_, tile| matches!(tile, egui_tiles::Tile::Pane(p) if *p == kind));
}

/// Draws the panes into the tree's tiles.
pub struct Behavior<'a, 'e> {
    /// The open project.
    pub project: &'a mut Project,
    /// What the panes need besides it.
    pub env: &'a mut PaneEnv<'e>,
}

impl egui_tiles::Behavior<PaneKind> for Behavior<'_, '_> {
    fn pane_ui(
        &mut self,
        ui: &mut egui::Ui,
        _tile_id: egui_tiles::TileId,
        pane: &mut PaneKind,
    ) -> egui_tiles::UiResponse {
        egui::Frame::new()
            .inner_margin(egui::Margin::symmetric(10, 6))
            .show(ui, |ui| panes::ui(ui, *pane, self.project, self.env));
        egui_tiles::UiResponse::None
    }

    fn tab_title_for_pane(&mut self, pane: &PaneKind) -> egui::WidgetText {
        pane.tab_title().into()
    }

    fn tab_bar_height(&self, _style: &egui::Style) -> f32 {
        30.0
    }

    fn gap_width(&self, _style: &egui::Style) -> f32 {
        4.0
    }

    fn simplification_options(&self) -> egui_tiles::SimplificationOptions {
        egui_tiles::SimplificationOptions {
            all_panes_must_have_tabs: true,
            ..Default::default()
        }
    }
}
