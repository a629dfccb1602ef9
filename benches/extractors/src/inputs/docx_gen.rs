//! DOCX files built at run time: one for each place a resume's text can hide (table, header,
//! footer, text box, hyperlink, tracked insertion, list item), each with and without `docProps/`,
//! and hostile ones (a zip bomb, sizes that lie, tables nested 10,000 deep).

use std::io::{self, Cursor, Write};
use std::path::{Path, PathBuf};

use zip::write::SimpleFileOptions;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const RELATIONSHIP: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const WORD_CONTENT: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml";

/// Every generated resume has this paragraph besides the text its feature hides.
const BODY: &str = "Jane Doe, infrastructure engineer in Leeds.";

/// A generated file and the text it holds.
pub struct Generated {
    pub path: PathBuf,
    pub expected: String,
}

/// Where a feature's text goes: a part beside the document, or a relationship to a web page.
enum Extra {
    Part {
        kind: &'static str,
        name: &'static str,
        xml: String,
    },
    Hyperlink,
}

struct Feature {
    name: &'static str,
    text: &'static str,
    /// Body XML after the common paragraph; `{}` stands for the feature's text.
    body: &'static str,
    /// Inside `w:sectPr`.
    section: &'static str,
    extra: Option<Extra>,
}

fn features() -> Vec<Feature> {
    vec![
        Feature {
            name: "table",
            text: "Kubernetes clusters and Terraform modules",
            body: "<w:tbl><w:tblGrid><w:gridCol w:w=\"4000\"/></w:tblGrid><w:tr><w:tc>{}</w:tc></w:tr></w:tbl><w:p/>",
            section: "",
            extra: None,
        },
        Feature {
            name: "header",
            text: "Ansible playbooks for patching",
            body: "",
            section: "<w:headerReference w:type=\"default\" r:id=\"rIdExtra\"/>",
            extra: Some(Extra::Part {
                kind: "header",
                name: "header1.xml",
                xml: format!("<w:hdr xmlns:w=\"{W}\">{{}}</w:hdr>"),
            }),
        },
        Feature {
            name: "footer",
            text: "Prometheus alerting with Grafana",
            body: "",
            section: "<w:footerReference w:type=\"default\" r:id=\"rIdExtra\"/>",
            extra: Some(Extra::Part {
                kind: "footer",
                name: "footer1.xml",
                xml: format!("<w:ftr xmlns:w=\"{W}\">{{}}</w:ftr>"),
            }),
        },
        Feature {
            name: "text-box",
            text: "Certified PostgreSQL administrator",
            body: TEXT_BOX,
            section: "",
            extra: None,
        },
        Feature {
            name: "hyperlink",
            text: "Portfolio of Nginx configurations",
            body: "<w:p><w:hyperlink r:id=\"rIdExtra\"><w:r><w:t>{}</w:t></w:r></w:hyperlink></w:p>",
            section: "",
            extra: Some(Extra::Hyperlink),
        },
        Feature {
            name: "tracked-insertion",
            text: "Migrated Jenkins pipelines",
            body: "<w:p><w:ins w:id=\"1\" w:author=\"Editor\" w:date=\"2024-01-01T00:00:00Z\"><w:r><w:t>{}</w:t></w:r></w:ins></w:p>",
            section: "",
            extra: None,
        },
        Feature {
            name: "list-item",
            text: "Scripted backups in Python",
            body: "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr><w:r><w:t>{}</w:t></w:r></w:p>",
            section: "",
            extra: Some(Extra::Part {
                kind: "numbering",
                name: "numbering.xml",
                xml: format!(
                    "<w:numbering xmlns:w=\"{W}\"><w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"-\"/></w:lvl></w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>"
                ),
            }),
        },
    ]
}

/// A text box as Word anchors one in a drawing (`wps:txbx` holding `w:txbxContent`).
const TEXT_BOX: &str = "<w:p><w:r><w:drawing><wp:anchor distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\" simplePos=\"0\" relativeHeight=\"1\" behindDoc=\"0\" locked=\"0\" layoutInCell=\"1\" allowOverlap=\"1\"><wp:simplePos x=\"0\" y=\"0\"/><wp:positionH relativeFrom=\"column\"><wp:posOffset>0</wp:posOffset></wp:positionH><wp:positionV relativeFrom=\"paragraph\"><wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx=\"2000000\" cy=\"500000\"/><wp:wrapNone/><wp:docPr id=\"1\" name=\"Text Box 1\"/><a:graphic><a:graphicData uri=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\"><wps:wsp><wps:spPr/><wps:txbx><w:txbxContent><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r></w:p>";

/// Writes each feature's file with and without `docProps/`.
pub fn write_features(dir: &Path) -> io::Result<Vec<Generated>> {
    std::fs::create_dir_all(dir)?;
    let mut generated = Vec::new();
    for feature in features() {
        for doc_props in [true, false] {
            let suffix = if doc_props { "" } else { "-no-docprops" };
            let path = dir.join(format!("{}{suffix}.docx", feature.name));
            std::fs::write(&path, feature_package(&feature, doc_props)?)?;
            generated.push(Generated {
                path,
                expected: format!("{BODY}\n{}", feature.text),
            });
        }
    }
    Ok(generated)
}

fn paragraph(text: &str) -> String {
    format!("<w:p><w:r><w:t>{text}</w:t></w:r></w:p>")
}

fn feature_package(feature: &Feature, doc_props: bool) -> io::Result<Vec<u8>> {
    // Paragraph-level templates already hold their `w:t`; the table cell takes a paragraph.
    let filled = if feature.body.contains("<w:t>{}") {
        feature.body.replace("{}", feature.text)
    } else {
        feature.body.replace("{}", &paragraph(feature.text))
    };
    let body = format!("{}{filled}", paragraph(BODY));
    let mut package = Package::new(&body, feature.section, doc_props);
    match &feature.extra {
        Some(Extra::Part { kind, name, xml }) => {
            let xml = xml.replace("{}", &paragraph(feature.text));
            package.add_part(kind, name, &xml);
        }
        Some(Extra::Hyperlink) => package.add_relationship(
            "hyperlink",
            "https://example.com/portfolio",
            " TargetMode=\"External\"",
        ),
        None => {}
    }
    package.write()
}

/// A minimal WordprocessingML package: the content types, the package and document
/// relationships, the document, and any parts added.
struct Package {
    document: String,
    doc_props: bool,
    parts: Vec<(String, String)>,
    overrides: String,
    relationships: String,
}

impl Package {
    fn new(body: &str, section: &str, doc_props: bool) -> Package {
        let document = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
             <w:document xmlns:w=\"{W}\" xmlns:r=\"{R}\" \
             xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" \
             xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" \
             xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\">\
             <w:body>{body}<w:sectPr>{section}</w:sectPr></w:body></w:document>"
        );
        Package {
            document,
            doc_props,
            parts: Vec::new(),
            overrides: String::new(),
            relationships: String::new(),
        }
    }

    fn add_part(&mut self, kind: &str, name: &str, xml: &str) {
        self.overrides.push_str(&format!(
            "<Override PartName=\"/word/{name}\" ContentType=\"{WORD_CONTENT}.{kind}+xml\"/>"
        ));
        self.add_relationship(kind, name, "");
        self.parts.push((format!("word/{name}"), xml.to_string()));
    }

    fn add_relationship(&mut self, kind: &str, target: &str, mode: &str) {
        self.relationships.push_str(&format!(
            "<Relationship Id=\"rIdExtra\" Type=\"{RELATIONSHIP}/{kind}\" Target=\"{target}\"{mode}/>"
        ));
    }

    fn write(self) -> io::Result<Vec<u8>> {
        let mut files = vec![
            ("[Content_Types].xml".to_string(), self.content_types()),
            ("_rels/.rels".to_string(), self.package_relationships()),
            ("word/document.xml".to_string(), self.document.clone()),
            (
                "word/_rels/document.xml.rels".to_string(),
                relationships(&self.relationships),
            ),
        ];
        if self.doc_props {
            files.push(("docProps/core.xml".to_string(), CORE_PROPERTIES.to_string()));
            files.push(("docProps/app.xml".to_string(), APP_PROPERTIES.to_string()));
        }
        files.extend(self.parts);
        zip_files(&files)
    }

    fn content_types(&self) -> String {
        let doc_props = if self.doc_props {
            "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>\
             <Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
        } else {
            ""
        };
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
             <Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
             <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
             <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
             <Override PartName=\"/word/document.xml\" ContentType=\"{WORD_CONTENT}.document.main+xml\"/>\
             {doc_props}{}</Types>",
            self.overrides
        )
    }

    fn package_relationships(&self) -> String {
        let mut inner = format!(
            "<Relationship Id=\"rId1\" Type=\"{RELATIONSHIP}/officeDocument\" Target=\"word/document.xml\"/>"
        );
        if self.doc_props {
            inner.push_str(
                "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>",
            );
            inner.push_str(&format!(
                "<Relationship Id=\"rId3\" Type=\"{RELATIONSHIP}/extended-properties\" Target=\"docProps/app.xml\"/>"
            ));
        }
        relationships(&inner)
    }
}

fn relationships(inner: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
         <Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">{inner}</Relationships>"
    )
}

const CORE_PROPERTIES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
    <cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>Resume</dc:title><dc:creator>Jane Doe</dc:creator></cp:coreProperties>";

const APP_PROPERTIES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
    <Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">\
    <Application>Microsoft Office Word</Application></Properties>";

fn zip_files(files: &[(String, String)]) -> io::Result<Vec<u8>> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, content) in files {
        zip.start_file(name.as_str(), options)
            .map_err(io::Error::other)?;
        zip.write_all(content.as_bytes())?;
    }
    Ok(zip.finish().map_err(io::Error::other)?.into_inner())
}

const BOMB_BYTES: usize = 100 * 1024 * 1024;
const TABLE_DEPTH: usize = 10_000;

/// Writes the hostile DOCX files into `dir`.
pub fn write_hostile(dir: &Path) -> io::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir)?;
    let files = [
        ("zip-bomb", zip_bomb()?),
        ("sizes-lie", sizes_lie()?),
        ("nested-tables", nested_tables()?),
    ];
    let mut paths = Vec::new();
    for (name, bytes) in files {
        let path = dir.join(format!("{name}.docx"));
        std::fs::write(&path, bytes)?;
        paths.push(path);
    }
    Ok(paths)
}

/// A run of 100 MB of `0` digits, which deflates a thousandfold.
fn zip_bomb() -> io::Result<Vec<u8>> {
    let zeros = "0".repeat(BOMB_BYTES);
    Package::new(
        &format!("{}{}", paragraph(BODY), paragraph(&zeros)),
        "",
        true,
    )
    .write()
}

/// Every header of `word/document.xml` claims it holds 1 byte.
fn sizes_lie() -> io::Result<Vec<u8>> {
    let mut bytes = Package::new(&paragraph(BODY), "", true).write()?;
    let name = b"word/document.xml";
    let starts: Vec<usize> = bytes
        .windows(name.len())
        .enumerate()
        .filter(|(_, window)| *window == name)
        .map(|(start, _)| start)
        .collect();
    for start in starts {
        // The uncompressed size is at offset 22 of a local header, which ends 30 bytes after
        // its start with the name, and at offset 24 of a central one (the name at 46).
        let field = match (start.checked_sub(30), start.checked_sub(46)) {
            (Some(local), _) if bytes[local..local + 4] == *b"PK\x03\x04" => local + 22,
            (_, Some(central)) if bytes[central..central + 4] == *b"PK\x01\x02" => central + 24,
            _ => continue,
        };
        bytes[field..field + 4].copy_from_slice(&1u32.to_le_bytes());
    }
    Ok(bytes)
}

/// Tables nested 10,000 deep, the innermost cell holding the text; each cell ends with a
/// paragraph, as the schema wants.
fn nested_tables() -> io::Result<Vec<u8>> {
    let open = "<w:tbl><w:tr><w:tc>";
    let close = "<w:p/></w:tc></w:tr></w:tbl>";
    let body = format!(
        "{}{}{}{}<w:p/>",
        paragraph(BODY),
        open.repeat(TABLE_DEPTH),
        paragraph("Deep"),
        close.repeat(TABLE_DEPTH)
    );
    Package::new(&body, "", true).write()
}
