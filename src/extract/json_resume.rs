//! JSON Resume (jsonresume.org): its sections become the headed text a resume would show, so
//! the later stages read it like any other resume (work highlights under Experience, skill
//! keywords under Skills, certificates under Certifications).

use serde_json::Value;

use super::document::{Document, Format, TextLine};
use super::text::without_nuls;

/// Whether bytes look like a JSON Resume rather than any JSON.
pub fn looks_like_json_resume(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]);
    head.trim_start().starts_with('{')
        && ["\"basics\"", "\"work\"", "\"skills\"", "\"education\""]
            .iter()
            .any(|key| head.contains(key))
}

/// The document, or why the JSON cannot be read as a resume.
pub fn extract(text: &str) -> Result<Document, String> {
    let (text, nuls) = without_nuls(text);
    let value: Value =
        serde_json::from_str(&text).map_err(|e| format!("it is not valid JSON ({e})"))?;
    let resume = value
        .as_object()
        .ok_or("it is JSON, but not a JSON Resume object")?;
    let mut lines = Writer::default();
    if let Some(basics) = resume.get("basics") {
        lines.plain(field(basics, "name"));
        lines.plain(field(basics, "label"));
        lines.plain(field(basics, "summary"));
    }
    for (key, heading) in [
        ("work", "Experience"),
        ("volunteer", "Volunteering"),
        ("projects", "Projects"),
        ("education", "Education"),
        ("certificates", "Certifications"),
        ("awards", "Awards"),
        ("publications", "Publications"),
        ("skills", "Skills"),
        ("languages", "Languages"),
        ("interests", "Interests"),
    ] {
        let Some(entries) = resume.get(key).and_then(Value::as_array) else {
            continue;
        };
        if entries.is_empty() {
            continue;
        }
        lines.heading(heading);
        for entry in entries {
            write_entry(&mut lines, key, entry);
        }
    }
    let mut document = Document::new(Format::JsonResume, lines.0);
    document.warnings.extend(nuls);
    Ok(document)
}

fn write_entry(lines: &mut Writer, section: &str, entry: &Value) {
    match section {
        "work" | "volunteer" => {
            let organisation = field(entry, "name")
                .or(field(entry, "organization"))
                .or(field(entry, "company"));
            lines.plain(join(&[field(entry, "position"), organisation], ", "));
            lines.plain(period(entry));
            lines.plain(field(entry, "summary"));
            lines.items(entry, "highlights");
        }
        "projects" => {
            lines.plain(join(
                &[field(entry, "name"), field(entry, "description")],
                ": ",
            ));
            lines.items(entry, "highlights");
            lines.plain(list(entry, "keywords").map(|k| format!("Tools: {k}")));
        }
        "education" => {
            let degree = join(&[field(entry, "studyType"), field(entry, "area")], " ");
            lines.plain(join(&[degree, field(entry, "institution")], ", "));
            lines.plain(period(entry));
            lines.items(entry, "courses");
        }
        "certificates" | "awards" | "publications" => {
            let by = field(entry, "issuer")
                .or(field(entry, "awarder"))
                .or(field(entry, "publisher"));
            lines.plain(join(
                &[field(entry, "name").or(field(entry, "title")), by],
                ", ",
            ));
        }
        "skills" | "interests" => {
            let keywords = list(entry, "keywords");
            lines.plain(match (field(entry, "name"), keywords) {
                (Some(name), Some(keywords)) => Some(format!("{name}: {keywords}")),
                (name, keywords) => name.or(keywords),
            });
        }
        "languages" => lines.plain(join(
            &[field(entry, "language"), field(entry, "fluency")],
            ", ",
        )),
        _ => {}
    }
}

#[derive(Default)]
struct Writer(Vec<TextLine>);

impl Writer {
    fn heading(&mut self, text: &str) {
        self.0.push(TextLine {
            text: text.to_string(),
            is_heading: true,
        });
    }

    /// Adds text, one line per line of it; nothing when there is none.
    fn plain(&mut self, text: Option<String>) {
        for line in text.iter().flat_map(|t| t.lines()) {
            if !line.trim().is_empty() {
                self.0.push(TextLine::plain(line.trim()));
            }
        }
    }

    fn items(&mut self, entry: &Value, key: &str) {
        let items = entry
            .get(key)
            .and_then(Value::as_array)
            .into_iter()
            .flatten();
        for item in items.filter_map(Value::as_str) {
            self.plain(Some(item.to_string()));
        }
    }
}

fn field(entry: &Value, key: &str) -> Option<String> {
    entry
        .get(key)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

fn list(entry: &Value, key: &str) -> Option<String> {
    let words: Vec<&str> = entry
        .get(key)?
        .as_array()?
        .iter()
        .filter_map(Value::as_str)
        .collect();
    (!words.is_empty()).then(|| words.join(", "))
}

fn join(parts: &[Option<String>], separator: &str) -> Option<String> {
    let present: Vec<&str> = parts.iter().flatten().map(String::as_str).collect();
    (!present.is_empty()).then(|| present.join(separator))
}

/// "2019-03 – present" from ISO dates, in a form the date reader understands.
fn period(entry: &Value) -> Option<String> {
    let month = |key| field(entry, key).map(|d| d.chars().take(7).collect::<String>());
    let start = month("startDate")?;
    let end = month("endDate").unwrap_or_else(|| "present".to_string());
    Some(format!("{start} – {end}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_become_headed_lines() {
        let json = r#"{
          "basics": {"name": "Jo Doe", "label": "Systems Administrator"},
          "work": [{"name": "Acme", "position": "Sysadmin", "startDate": "2019-03-01",
                    "highlights": ["Patched 200 RHEL servers with Ansible"]}],
          "skills": [{"name": "Cloud", "keywords": ["AWS", "Terraform"]}],
          "certificates": [{"name": "CCNA", "issuer": "Cisco"}]
        }"#;
        let document = extract(json).unwrap();
        let texts: Vec<&str> = document.lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Jo Doe",
                "Systems Administrator",
                "Experience",
                "Sysadmin, Acme",
                "2019-03 – present",
                "Patched 200 RHEL servers with Ansible",
                "Certifications",
                "CCNA, Cisco",
                "Skills",
                "Cloud: AWS, Terraform",
            ]
        );
        assert!(document.lines[2].is_heading);
    }

    #[test]
    fn invalid_json_is_refused() {
        assert!(extract("{ not json").is_err());
        assert!(extract("[1, 2]").is_err());
    }

    #[test]
    fn detection_needs_resume_keys() {
        assert!(looks_like_json_resume(br#"{"basics": {}}"#));
        assert!(!looks_like_json_resume(br#"{"name": "package"}"#));
    }
}
