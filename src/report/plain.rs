//! Outputs that are plain lines: the list of roles, a document's text.

use std::io::Write;

use crate::extract::Document;
use crate::profile::Profile;

/// `ID  SKILLS  TITLE`, a line per role.
pub fn roles(profiles: &[Profile], out: &mut dyn Write) -> std::io::Result<()> {
    let mut text = String::from("ID                        SKILLS  TITLE\n");
    for profile in profiles {
        text.push_str(&format!(
            "{:<25} {:>6}  {}\n",
            profile.id,
            profile.skills.len(),
            profile.title
        ));
    }
    out.write_all(text.as_bytes())
}

/// The document's lines as the matcher reads them, numbered as evidence refers to them.
pub fn text(document: &Document, numbered: bool, out: &mut dyn Write) -> std::io::Result<()> {
    let width = document.lines.len().to_string().len();
    let mut text = String::new();
    for (index, line) in document.lines.iter().enumerate() {
        if numbered {
            text.push_str(&format!("{:>width$}  {}\n", index + 1, line.text));
        } else {
            text.push_str(&line.text);
            text.push('\n');
        }
    }
    out.write_all(text.as_bytes())
}
