//! The worked case studies shipped with the workbench, embedded in the binary.

use crate::model::Project;

/// A sample case study.
#[derive(Clone, Copy, Debug)]
pub struct Sample {
    /// The title shown in the menu.
    pub title: &'static str,
    /// The file name in `samples/`.
    pub file_name: &'static str,
    /// The file's text.
    pub text: &'static str,
}

/// Every sample, the first being the one the workbench opens when started without a file.
pub const SAMPLES: &[Sample] = &[
    Sample {
        title: "Regional bakery chain (Backhaus Lindner)",
        file_name: "bakery.pbsm.ron",
        text: include_str!("../../samples/bakery.pbsm.ron"),
    },
    Sample {
        title: "B2B machine builder recruiting engineers (Kessler Anlagenbau)",
        file_name: "machine-builder.pbsm.ron",
        text: include_str!("../../samples/machine-builder.pbsm.ron"),
    },
    Sample {
        title: "City tourism board (Visit Marrenburg)",
        file_name: "tourism.pbsm.ron",
        text: include_str!("../../samples/tourism.pbsm.ron"),
    },
];

impl Sample {
    /// Parses the sample. Samples are checked by the test suite, so this fails only if a
    /// broken sample was shipped; the error then says what is wrong.
    pub fn load(&self) -> Result<Project, super::LoadError> {
        super::project_file::from_str(self.text, &format!("samples/{}", self.file_name))
    }
}
