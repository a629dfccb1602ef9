//! Markdown, parsed with pulldown-cmark, with every piece of text put back on the line of the file
//! it came from, so that line numbers stay those of the file the person wrote.
//!
//! Headings are marked; emphasis, code ticks, escapes and entities become plain words; link text
//! and image alt text are kept while link targets and autolinks (URLs) are dropped; table cells
//! are joined with " | "; HTML tags and comments are removed and the words between them kept.

use std::ops::Range;

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use super::document::{Document, Format, TextLine};
use super::guard::{self, Failure};
use super::text::{split_lines, without_nuls};

pub fn looks_like_markdown(bytes: &[u8]) -> bool {
    let text = String::from_utf8_lossy(&bytes[..bytes.len().min(8192)]);
    split_lines(&text).any(|line| {
        let line = line.trim_start();
        heading_text(line).is_some() || line.starts_with("**") || line.starts_with("|")
    })
}

/// The text of an ATX heading line (`## Skills`), for sniffing only: parsing is pulldown-cmark's.
fn heading_text(line: &str) -> Option<&str> {
    let rest = line.trim_start_matches('#');
    let level = line.len() - rest.len();
    ((1..=6).contains(&level) && (rest.is_empty() || rest.starts_with(' ')))
        .then(|| rest.trim().trim_end_matches('#').trim())
}

/// The parser runs contained, like every third-party parser: pulldown-cmark has panicked on
/// crafted input before (0.13.3, upstream issue #1097). Should it fail, the words are still read.
pub fn extract(text: &str) -> Document {
    let (text, nuls) = without_nuls(text);
    let owned = text.clone().into_owned();
    let mut document = match guard::contain(move || read_lines(&owned)) {
        Ok(lines) => Document::new(Format::Markdown, lines),
        Err(failure) => read_as_plain_text(&text, &failure),
    };
    document.warnings.extend(nuls);
    document
}

fn read_as_plain_text(text: &str, failure: &Failure) -> Document {
    let lines = split_lines(text).map(TextLine::plain).collect();
    let mut document = Document::new(Format::Markdown, lines);
    document.warnings.push(format!(
        "the Markdown could not be parsed ({failure}), so it was read as plain text, markup and all"
    ));
    document
}

/// GitHub's extensions that resumes use. Not the metadata-block option: pulldown-cmark takes a
/// `---` line anywhere for the start of a metadata block (upstream issue #1000), which would turn
/// the sections between two rules into unparsed text, and each such start scans ahead for its
/// closing line, so `> ---`, `> a`, `>` repeated is quadratic (240 KB took 4.8 s). Front matter
/// is only ever at the top, and [`front_matter_lines`] finds it there in one pass.
const EXTENSIONS: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_TASKLISTS)
    .union(Options::ENABLE_STRIKETHROUGH);

fn read_lines(text: &str) -> Vec<TextLine> {
    let mut lines = SourceLines::new(text);
    let front_matter = front_matter_lines(text);
    // Its delimiters stay empty lines.
    let inside_delimiters = split_lines(text)
        .enumerate()
        .take(front_matter.saturating_sub(1))
        .skip(1);
    for (index, line) in inside_delimiters {
        lines.put_line(index, line);
    }
    let body_start = lines.start_of(front_matter);
    let mut reader = Reader::new(text, lines);
    for (event, range) in Parser::new_ext(&text[body_start..], EXTENSIONS).into_offset_iter() {
        reader.read(event, range.start + body_start..range.end + body_start);
    }
    reader.lines.finish()
}

/// How many lines YAML front matter takes at the top (`---`, then lines such as
/// `skills: docker, terraform` that are worth reading as they are, then `---` or `...`), or 0.
fn front_matter_lines(text: &str) -> usize {
    let mut lines = split_lines(text).map(str::trim_end);
    if lines.next() != Some("---") {
        return 0;
    }
    lines
        .position(|line| line == "---" || line == "...")
        .map_or(0, |closing| closing + 2)
}

/// Follows the events of one document, putting each piece of text on its line.
struct Reader<'a> {
    text: &'a str,
    lines: SourceLines,
    in_heading: bool,
    /// Inside `<https://…>` or `<name@example.com>`: a URL, which must not become evidence.
    in_autolink: bool,
    cells_in_row: usize,
    html: HtmlState,
}

impl<'a> Reader<'a> {
    fn new(text: &'a str, lines: SourceLines) -> Self {
        Reader {
            text,
            lines,
            in_heading: false,
            in_autolink: false,
            cells_in_row: 0,
            html: HtmlState::Words,
        }
    }

    fn read(&mut self, event: Event<'_>, range: Range<usize>) {
        match event {
            Event::Start(Tag::Heading { .. }) => self.in_heading = true,
            Event::End(TagEnd::Heading(_)) => self.in_heading = false,
            Event::Start(Tag::Link {
                link_type: LinkType::Autolink | LinkType::Email,
                ..
            }) => self.in_autolink = true,
            Event::End(TagEnd::Link) => self.in_autolink = false,
            Event::Start(Tag::TableHead | Tag::TableRow) => self.cells_in_row = 0,
            Event::Start(Tag::TableCell) => self.start_cell(range),
            Event::Text(text) if !self.in_autolink => self.lines.put(range, &text, self.in_heading),
            Event::Code(code) => self.put_code_span(&code, range),
            Event::Html(html) => {
                let words = strip_tags(&html, &mut self.html);
                self.lines.put(range, &words, self.in_heading);
            }
            // A tag or comment left open must not swallow the text of the next HTML block.
            Event::End(TagEnd::HtmlBlock) => self.html = HtmlState::Words,
            Event::InlineHtml(tag) if separates_words(&tag) => self.lines.put(range, " ", false),
            // A line ending CommonMark sees that the file's lines do not (a lone `\r`).
            Event::SoftBreak | Event::HardBreak => self.lines.put(range, " ", false),
            _ => {}
        }
    }

    /// A code span turns its line endings into spaces: each word goes back to the line it is on.
    fn put_code_span(&mut self, code: &str, span: Range<usize>) {
        let source = &self.text[span.clone()];
        if !source.contains('\n') {
            return self.lines.put(span, code, self.in_heading);
        }
        let mut searched = 0;
        for word in code.split(' ') {
            // Nothing is escaped inside a code span, so every word is found in its source; were
            // one not, it would stay where the previous word ended.
            let mut at = searched;
            if let Some(offset) = source[searched..].find(word) {
                at += offset;
                searched = at + word.len();
            }
            let at = span.start + at;
            self.lines.put(at..at, word, self.in_heading);
            self.lines.put(at..at, " ", false);
        }
    }

    fn start_cell(&mut self, range: Range<usize>) {
        if self.cells_in_row > 0 {
            self.lines.put(range, " | ", false);
        }
        self.cells_in_row += 1;
    }
}

/// The lines of the file, found by the byte offset each starts at, with the text read from them.
struct SourceLines {
    starts: Vec<usize>,
    end: usize,
    lines: Vec<TextLine>,
}

impl SourceLines {
    /// One entry per line as [`split_lines`] counts them: a final newline starts no line.
    fn new(text: &str) -> Self {
        let starts: Vec<usize> = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(at, _)| at + 1))
            .filter(|&start| start == 0 || start < text.len())
            .collect();
        let lines = vec![TextLine::plain(""); starts.len()];
        SourceLines {
            starts,
            end: text.len(),
            lines,
        }
    }

    /// Where a line starts; past the last line, the end of the file.
    fn start_of(&self, line: usize) -> usize {
        self.starts.get(line).copied().unwrap_or(self.end)
    }

    fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&start| start <= offset) - 1
    }

    /// Appends `text`, read from `source`, to the lines it came from: each newline in it moves to
    /// the next line, but never past the last line of `source` (a decoded `&#10;` is no line).
    fn put(&mut self, source: Range<usize>, text: &str, is_heading: bool) {
        let first = self.line_of(source.start);
        let last = self.line_of(source.end.saturating_sub(1)).max(first);
        for (index, piece) in text.split('\n').enumerate() {
            let line = &mut self.lines[(first + index).min(last)];
            if first + index > last {
                line.text.push(' ');
            }
            line.text.push_str(piece);
            line.is_heading |= is_heading && !piece.trim().is_empty();
        }
    }

    fn put_line(&mut self, line: usize, text: &str) {
        self.lines[line].text.push_str(text);
    }

    /// Pieces were joined as they came; spacing between words is made single here.
    fn finish(self) -> Vec<TextLine> {
        self.lines
            .into_iter()
            .map(|line| TextLine {
                text: line.text.split_whitespace().collect::<Vec<_>>().join(" "),
                is_heading: line.is_heading,
            })
            .collect()
    }
}

/// Where the reading of an HTML block stands; a tag or comment may continue on the next line.
#[derive(Clone, Copy)]
enum HtmlState {
    Words,
    Tag,
    Comment,
}

/// The words of one line of an HTML block, without its tags and comments.
fn strip_tags(html: &str, state: &mut HtmlState) -> String {
    let mut words = String::with_capacity(html.len());
    let mut rest = html;
    while !rest.is_empty() {
        rest = match *state {
            HtmlState::Words => match find_markup(rest) {
                None => {
                    words.push_str(rest);
                    ""
                }
                Some(at) => {
                    words.push_str(&rest[..at]);
                    let markup = &rest[at..];
                    if let Some(comment) = markup.strip_prefix("<!--") {
                        *state = HtmlState::Comment;
                        comment
                    } else {
                        if separates_words(markup) {
                            words.push(' ');
                        }
                        *state = HtmlState::Tag;
                        &markup[1..]
                    }
                }
            },
            HtmlState::Tag => skip_past(rest, ">", state),
            HtmlState::Comment => skip_past(rest, "-->", state),
        };
    }
    words
}

/// Where the next tag, comment or declaration starts: a `<` that is not a comparison.
fn find_markup(text: &str) -> Option<usize> {
    text.match_indices('<').map(|(at, _)| at).find(|&at| {
        text[at + 1..].starts_with(|c: char| c.is_ascii_alphabetic() || "/!?".contains(c))
    })
}

fn skip_past<'a>(text: &'a str, end: &str, state: &mut HtmlState) -> &'a str {
    match text.find(end) {
        Some(at) => {
            *state = HtmlState::Words;
            &text[at + end.len()..]
        }
        None => "",
    }
}

/// Elements inside a run of text: `<b>Docker</b>,` reads `Docker,`, while `a<br/>b` or
/// `</td><td>` must leave a space between the words.
const PHRASING_ELEMENTS: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "font", "i", "ins",
    "kbd", "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time",
    "u", "var",
];

fn separates_words(markup: &str) -> bool {
    let name = markup.trim_start_matches('<').trim_start_matches('/');
    let name_end = name
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(name.len());
    !PHRASING_ELEMENTS
        .iter()
        .any(|element| element.eq_ignore_ascii_case(&name[..name_end]))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The parse itself, not behind the guard, whose plain-text fallback could hide a failure.
    fn texts(md: &str) -> Vec<String> {
        read_lines(md).into_iter().map(|l| l.text).collect()
    }

    fn headings(md: &str) -> Vec<usize> {
        let lines = read_lines(md).into_iter().enumerate();
        lines
            .filter(|(_, l)| l.is_heading)
            .map(|(i, _)| i + 1)
            .collect()
    }

    #[test]
    fn markup_is_removed_and_line_numbers_kept() {
        // The blank line ends the list: without it, CommonMark (and GitHub) read the table's
        // lines as a lazy continuation of the list item's paragraph, not as a table.
        let md =
            "# Jane Doe\n\n## Skills\n- **Terraform**, `kubectl`\n\n| Cloud | AWS |\n|---|---|\n";
        assert_eq!(
            texts(md),
            [
                "Jane Doe",
                "",
                "Skills",
                "Terraform, kubectl",
                "",
                "Cloud | AWS",
                ""
            ]
        );
        assert!(read_lines(md)[2].is_heading);
    }

    #[test]
    fn extract_parses_behind_the_guard() {
        let document = extract(
            "# Jane
**Docker**
",
        );
        assert_eq!(document.format, Format::Markdown);
        assert_eq!(document.lines[1], TextLine::plain("Docker"));
        assert!(document.warnings.is_empty());
    }

    #[test]
    fn links_keep_their_words_and_lose_their_targets() {
        assert_eq!(
            texts("See [my notes](https://github.com/x/docker-notes) and <br/> more"),
            ["See my notes and more"]
        );
    }

    #[test]
    fn snake_case_words_keep_their_underscores() {
        assert_eq!(
            texts("ran node_exporter _everywhere_"),
            ["ran node_exporter everywhere"]
        );
    }

    #[test]
    fn front_matter_is_kept_as_text() {
        assert_eq!(
            texts("---\nname: Jane\n---\n# CV"),
            ["", "name: Jane", "", "CV"]
        );
    }

    #[test]
    fn one_entry_per_line_of_the_file() {
        for md in [
            "",
            "a",
            "a\n",
            "a\n\n",
            "\n\n\n",
            "a\r\nb\r\n",
            "```\ncode\n",
            "> a\n>",
        ] {
            assert_eq!(texts(md).len(), split_lines(md).count(), "{md:?}");
        }
        assert_eq!(
            texts("# A\r\nb\r\n```\r\ncode\r\n```\r\n"),
            ["A", "b", "", "code", ""]
        );
    }

    #[test]
    fn text_across_lines_stays_on_the_lines_it_came_from() {
        assert_eq!(
            texts("Ran *Docker\nand* [my\nnotes](https://example.com) `a\nb`"),
            ["Ran Docker", "and my", "notes a", "b"]
        );
        // A lone carriage return ends a line for CommonMark, not for the line count.
        assert_eq!(texts("Docker\rKubernetes"), ["Docker Kubernetes"]);
    }

    #[test]
    fn atx_and_setext_headings_are_marked() {
        let md = "Jane Doe\n========\n\nSkills and\ntools\n---\n- Docker\n### Tools ###\n#hashtag";
        assert_eq!(
            texts(md),
            [
                "Jane Doe",
                "",
                "",
                "Skills and",
                "tools",
                "",
                "Docker",
                "Tools",
                "#hashtag"
            ]
        );
        assert_eq!(headings(md), [1, 4, 5, 8]);
    }

    #[test]
    fn emphasis_code_escapes_and_entities_become_plain_words() {
        assert_eq!(
            texts(
                r"***Go*** and ~~Perl~~, `kubectl get`, \*not emphasis\*, R&amp;D &copy; 2&#x30;"
            ),
            ["Go and Perl, kubectl get, *not emphasis*, R&D © 20"]
        );
    }

    #[test]
    fn urls_are_dropped_and_the_words_people_read_kept() {
        let md = "![Docker logo](https://example.com/docker.png) <https://github.com/x/docker-notes>\n\
                  <jane@example.com> [reference][r] [Terraform notes]\n\n\
                  [r]: https://github.com/x/ansible-notes\n\
                  [Terraform notes]: https://github.com/x/terraform-notes";
        assert_eq!(
            texts(md),
            ["Docker logo", "reference Terraform notes", "", "", ""]
        );
    }

    #[test]
    fn table_rows_are_cells_joined_and_the_divider_is_empty() {
        let md = "| Area | Tools |\n|:-----|-----:|\n| Cloud | **AWS**, `eks` |\n| Empty | |\n| Pipe | a \\| b |";
        assert_eq!(
            texts(md),
            [
                "Area | Tools",
                "",
                "Cloud | AWS, eks",
                "Empty |",
                "Pipe | a | b"
            ]
        );
    }

    #[test]
    fn list_task_and_quote_markers_are_removed() {
        let md = "1. First\n   - nested *item*\n     + deeper\n- [x] done task\n- [ ] open task\n\n> quoted **Ansible**\n> > deeper quote";
        assert_eq!(
            texts(md),
            [
                "First",
                "nested item",
                "deeper",
                "done task",
                "open task",
                "",
                "quoted Ansible",
                "deeper quote"
            ]
        );
    }

    #[test]
    fn code_blocks_keep_their_text_and_fences_become_empty() {
        let md = "```bash\nterraform apply\n\n  kubectl get pods\n```\n\n    docker build .\n~~~\n*not emphasis*\n~~~";
        assert_eq!(
            texts(md),
            [
                "",
                "terraform apply",
                "",
                "kubectl get pods",
                "",
                "",
                "docker build .",
                "",
                "*not emphasis*",
                ""
            ]
        );
    }

    #[test]
    fn inline_html_loses_its_tags_and_comments() {
        assert_eq!(
            texts(
                "<b>Docker</b>, <span class=\"x\">Go</span><br/>Rust <!-- old: Perl --> and<BR>C"
            ),
            ["Docker, Go Rust and C"]
        );
    }

    #[test]
    fn html_blocks_keep_the_words_between_tags() {
        let md = "<div align=\"center\">\n<p><strong>Kubernetes</strong> and Helm</p>\n<!--\nold: Perl\n-->\n<img\n  alt=\"photo\">Ansible\n</div>\n\nafter *it*";
        assert_eq!(
            texts(md),
            [
                "",
                "Kubernetes and Helm",
                "",
                "",
                "",
                "",
                "Ansible",
                "",
                "",
                "after it"
            ]
        );
    }

    #[test]
    fn an_unclosed_tag_does_not_hide_the_next_html_block() {
        assert_eq!(
            texts("<div class=\"a\n\n<p>Terraform</p>"),
            ["", "", "Terraform"]
        );
    }

    #[test]
    fn front_matter_closed_by_dots_and_only_at_the_top() {
        assert_eq!(
            texts("---\nname: Jane\nskills: docker, terraform\n...\n# CV"),
            ["", "name: Jane", "skills: docker, terraform", "", "CV"]
        );
        // Not closed: a rule, and the rest is Markdown.
        assert_eq!(texts("---\nname: *Jane*\n# CV"), ["", "name: Jane", "CV"]);
        assert_eq!(headings("---\nname: *Jane*\n# CV"), [3]);
    }

    #[test]
    fn rules_between_sections_leave_the_sections_markdown() {
        let md = "Intro\n\n---\n## Skills\n- **Docker**\n\n---\n";
        assert_eq!(texts(md), ["Intro", "", "", "Skills", "Docker", "", ""]);
        assert_eq!(headings(md), [4]);
    }

    #[test]
    fn markdown_is_recognised_by_its_look() {
        assert!(looks_like_markdown(b"# Jane Doe\nLinux administrator"));
        assert!(looks_like_markdown(b"Jane\n**Skills**"));
        assert!(looks_like_markdown(b"Jane\n| Cloud | AWS |"));
        assert!(!looks_like_markdown(
            b"Jane Doe\nLinux administrator since 2015"
        ));
        assert!(!looks_like_markdown(b"#hashtag\nC# and F#"));
    }

    #[test]
    fn a_parser_failure_leaves_the_plain_text() {
        let failure = Failure::Panicked("bad input at 7".into());
        let document = read_as_plain_text("# Jane\n**Docker**\n", &failure);
        let texts: Vec<&str> = document.lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["# Jane", "**Docker**"]);
        assert!(document.warnings[0].contains("bad input at 7"));
    }

    /// Hostile input must stay bounded: these assert results, not time (speed is for benches).
    #[test]
    fn deep_nesting_is_read() {
        let quotes = format!("{} Docker", ">".repeat(100_000));
        assert_eq!(texts(&quotes), ["Docker"]);
        for opener in ["[", "*", "_", "<", "`", "(", "!["] {
            let line = format!("Go {}Docker", opener.repeat(100_000));
            let read = texts(&line);
            assert_eq!(read.len(), 1, "{opener}");
            assert!(
                read[0].starts_with("Go ") && read[0].ends_with("Docker"),
                "{opener}"
            );
        }
        let items: String = (0..2_000)
            .map(|depth| format!("{}- Go\n", "  ".repeat(depth)))
            .collect();
        assert_eq!(texts(&items).len(), 2_000);
    }

    #[test]
    fn a_one_megabyte_line_is_read() {
        let line = "Docker **and** [Go](https://example.com) `sh` <b>x</b> ".repeat(20_000);
        assert!(line.len() > 1_000_000);
        let read = texts(&line);
        assert_eq!(read.len(), 1);
        assert_eq!(read[0].matches("Docker and Go sh x").count(), 20_000);
    }

    /// Inputs upstream found quadratic in pulldown-cmark's history, and the metadata-block case
    /// that keeps that option off: each must still come back with one entry per line.
    #[test]
    fn known_pathological_inputs_are_read() {
        for unit in [
            "[a](<b",
            "[ (](",
            "a***",
            "[*_a",
            "``\\",
            "<>",
            "]([\n",
            "a <![CDATA[",
            "* ",
            "> ---\n> a\n>\n",
            "[](",
            "a <!A",
            "|a",
        ] {
            let md = unit.repeat(100_000 / unit.len());
            assert_eq!(texts(&md).len(), split_lines(&md).count(), "{unit:?}");
        }
    }
}
