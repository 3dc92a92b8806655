//! The filter panel: facets with live counts and "clear all".

use super::app::LinimasaApp;
use crate::filter::Facet;

/// How many values of a facet are listed before "more".
const FACET_LIMIT: usize = 12;

impl LinimasaApp {
    pub(super) fn filter_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            ui.heading("Filters");
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui
                    .add_enabled(
                        self.settings.filters.is_active(),
                        egui::Button::new("Clear all"),
                    )
                    .clicked()
                {
                    self.settings.filters.clear();
                }
            });
        });
        // Counts are recomputed when the filters change (in `refilter`), not every frame.
        let counts = self.facet_counts.clone();
        egui::ScrollArea::vertical()
            .id_salt("filters")
            .show(ui, |ui| {
                self.hidden_ui(ui);
                for facet in Facet::ALL {
                    let Some(values) = counts.get(&facet) else {
                        continue;
                    };
                    if values.is_empty() {
                        continue;
                    }
                    let id = ui.make_persistent_id(("facet", facet.name()));
                    egui::CollapsingHeader::new(format!("{} ({})", facet.name(), values.len()))
                        .id_salt(id)
                        .default_open(facet != Facet::Person)
                        .show(ui, |ui| {
                            let more_id = id.with("more");
                            let show_all: bool = ui.data(|d| d.get_temp(more_id)).unwrap_or(false);
                            for (value, n) in
                                values
                                    .iter()
                                    .take(if show_all { usize::MAX } else { FACET_LIMIT })
                            {
                                let mut on = self.settings.filters.is_selected(facet, value);
                                if ui.checkbox(&mut on, format!("{value}  ({n})")).changed() {
                                    self.settings.filters.toggle(facet, value);
                                }
                            }
                            if values.len() > FACET_LIMIT
                                && ui
                                    .small_button(if show_all { "fewer" } else { "more…" })
                                    .clicked()
                            {
                                ui.data_mut(|d| d.insert_temp(more_id, !show_all));
                            }
                        });
                }
            });
    }
}
