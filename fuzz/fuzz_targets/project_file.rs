//! The project loader: any bytes are either a project or an error naming the source, never a
//! panic or a hang; an accepted project is valid and survives save → load unchanged.
//! Recovery files and `pbsm-workbench check|analyse|report FILE` go through this same loader.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pbsm::io::project_file::{from_bytes, from_str, to_string};

fuzz_target!(|data: &[u8]| {
    match from_bytes(data, "fuzz") {
        Ok(project) => {
            assert!(
                pbsm::model::validate(&project).is_empty(),
                "accepted an invalid project"
            );
            let text = to_string(&project);
            let again = match from_str(&text, "saved") {
                Ok(p) => p,
                Err(e) => panic!("the saved project does not load: {e}\n{text}"),
            };
            assert_eq!(again, project, "save → load changed the project");
        }
        Err(e) => {
            let message = e.to_string();
            assert!(
                message.starts_with("fuzz"),
                "the error names the source: {message}"
            );
        }
    }
});
