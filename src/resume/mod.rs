//! Stage 2: the lines of a document become a resume with sections.
//!
//! Sections are found by their headings, in English and in the languages whose resumes still
//! name their tools in English (German, French, Spanish, Portuguese, Russian).

mod dates;

pub use dates::{End, Period, YearMonth, find_period};

use crate::extract::Document;
use crate::normalize::normalize;

/// The part of a resume a line is in, from the headings above it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    /// Before the first heading: name, contact line, often a summary.
    Header,
    /// Summary, profile, objective.
    Summary,
    /// Skills, technologies, tools.
    Skills,
    /// Experience, employment, work history.
    Experience,
    /// Projects.
    Projects,
    /// Education, courses.
    Education,
    /// Certifications, licences.
    Certifications,
    /// Interests, hobbies.
    Interests,
    /// A heading we do not know (awards, languages, references...).
    Other,
}

impl Section {
    /// The section's name, as printed.
    pub fn as_str(self) -> &'static str {
        match self {
            Section::Header => "header",
            Section::Summary => "summary",
            Section::Skills => "skills",
            Section::Experience => "experience",
            Section::Projects => "projects",
            Section::Education => "education",
            Section::Certifications => "certifications",
            Section::Interests => "interests",
            Section::Other => "other",
        }
    }
}

/// A line of the resume, placed in its section.
#[derive(Debug, Clone)]
pub struct Line {
    /// 1-based, as `skillgap text -n` numbers it.
    pub number: usize,
    /// The line's text.
    pub text: String,
    /// The section it is in.
    pub section: Section,
    /// Whether the line is a section heading.
    pub is_heading: bool,
    /// When the job this line belongs to was held, if its dates could be read.
    pub period: Option<Period>,
}

/// A document's lines with their sections and job periods.
#[derive(Debug, Clone)]
pub struct Resume {
    /// Every line, in order.
    pub lines: Vec<Line>,
}

/// Word stems that name a section, checked in this order (a heading such as "Projects and
/// experience" is experience). Stems are in normal form: lowercase, accents folded.
const SECTION_STEMS: &[(Section, &[&str])] = &[
    (
        Section::Experience,
        &[
            "experience",
            "employment",
            "work history",
            "career",
            "professional background",
            "erfahrung",
            "berufserfahrung",
            "werdegang",
            "experiencia",
            "опыт",
        ],
    ),
    (
        Section::Projects,
        &[
            "project",
            "projekt",
            "projet",
            "proyecto",
            "projeto",
            "portfolio",
            "проект",
        ],
    ),
    (
        Section::Certifications,
        &["certif", "licen", "zertifi", "сертифик"],
    ),
    (
        Section::Skills,
        &[
            "skill",
            "technolog",
            "tools",
            "tech stack",
            "competenc",
            "expertise",
            "kenntnisse",
            "fahigkeiten",
            "kompetenz",
            "habilidad",
            "conhecimento",
            "навык",
            "умения",
        ],
    ),
    (
        Section::Education,
        &[
            "education",
            "academic",
            "qualification",
            "ausbildung",
            "bildung",
            "studium",
            "formation",
            "formacion",
            "formacao",
            "educacion",
            "educacao",
            "образован",
        ],
    ),
    (
        Section::Summary,
        &[
            "summary",
            "profile",
            "about me",
            "objective",
            "profil",
            "zusammenfassung",
            "uber mich",
            "resume",
            "perfil",
            "resumen",
            "resumo",
            "sobre mi",
            "о себе",
            "профиль",
        ],
    ),
    (
        Section::Interests,
        &[
            "interest",
            "hobb",
            "leisure",
            "interessen",
            "freizeit",
            "loisir",
            "centres d interet",
            "interes",
            "aficion",
            "интерес",
            "хобби",
            "увлечени",
        ],
    ),
];

const OTHER_HEADINGS: &[&str] = &[
    "awards",
    "honours",
    "honors",
    "languages",
    "references",
    "publications",
    "volunteering",
    "volunteer",
    "achievements",
    "contact",
    "sprachen",
    "langues",
    "idiomas",
    "языки",
];

/// Finds the sections (by their headings) and the periods of the jobs.
pub fn parse(document: &Document) -> Resume {
    let mut section = Section::Header;
    let lines = document
        .lines
        .iter()
        .enumerate()
        .map(|(index, line)| {
            let heading = heading_section(&line.text, line.is_heading);
            if let Some(found) = heading {
                section = found;
            }
            Line {
                number: index + 1,
                text: line.text.clone(),
                section: inline_label(&line.text).unwrap_or(section),
                is_heading: heading.is_some(),
                period: None,
            }
        })
        .collect();
    let mut resume = Resume { lines };
    assign_periods(&mut resume.lines);
    resume
}

/// Lines of a short job header ("Senior Engineer" / "Acme Ltd" above a bare date line).
const JOB_HEADER_LINES: usize = 2;
/// Words a line may have and still be a bare date line or a job header line.
const HEADER_WORDS: usize = 10;

/// Gives each experience line the period of its job: the dates on or above it. A bare date line
/// also claims the short title lines just above it. Dates stacked in a column (a PDF with a date
/// rail) cannot be matched to their jobs, so they are not used.
fn assign_periods(lines: &mut [Line]) {
    let mut current: Option<Period> = None;
    for index in 0..lines.len() {
        if lines[index].section != Section::Experience || lines[index].is_heading {
            current = None;
            continue;
        }
        if let Some(period) = find_period(&lines[index].text) {
            current = (!next_is_date(lines, index)).then_some(period);
            if current.is_some() && is_bare(&lines[index].text) {
                claim_header_lines(lines, index, period);
            }
        }
        lines[index].period = current;
    }
}

fn next_is_date(lines: &[Line], index: usize) -> bool {
    lines[index + 1..]
        .iter()
        .find(|l| !l.text.trim().is_empty())
        .is_some_and(|l| find_period(&l.text).is_some())
}

fn is_bare(text: &str) -> bool {
    dates::words_besides_dates(text) <= 1
}

/// A job header sits right above its bare date line: the title and employer, short, with no
/// full stop, and no blank line between.
fn claim_header_lines(lines: &mut [Line], index: usize, period: Period) {
    for line in lines[..index].iter_mut().rev().take(JOB_HEADER_LINES) {
        let text = line.text.trim();
        let title_like = !text.is_empty()
            && !text.ends_with('.')
            && text.split_whitespace().count() <= HEADER_WORDS;
        let dated = find_period(text).is_some();
        if line.section != Section::Experience || line.is_heading || !title_like || dated {
            break;
        }
        line.period = Some(period);
    }
}

/// The section a heading line opens, if the line is a heading.
fn heading_section(text: &str, marked: bool) -> Option<Section> {
    if inline_label(text).is_some() {
        return None;
    }
    let trimmed = text.trim().trim_end_matches(':').trim();
    let words = trimmed.split_whitespace().count();
    if words == 0 || words > 6 || trimmed.chars().count() > 60 {
        return None;
    }
    let letters: Vec<char> = trimmed.chars().filter(|c| c.is_alphabetic()).collect();
    let shouted = letters.len() >= 3 && letters.iter().all(|c| !c.is_lowercase());
    let normal = normalize(trimmed);
    let known = known_section(&normal);
    match known {
        Some(section) if marked || shouted || words <= 4 => Some(section),
        _ if OTHER_HEADINGS.contains(&normal.as_str()) => Some(Section::Other),
        // A styled heading we do not know is a subheading inside its section (a job title
        // under Experience, a name at the top), not a new section.
        None if shouted && !marked && words <= 4 && !text.contains(['|', ',', '@']) => {
            Some(Section::Other)
        }
        _ => None,
    }
}

fn known_section(normal: &str) -> Option<Section> {
    SECTION_STEMS
        .iter()
        .find(|(_, stems)| {
            stems.iter().any(|stem| {
                normal
                    .match_indices(stem)
                    .any(|(at, _)| at == 0 || normal.as_bytes()[at - 1] == b' ')
            })
        })
        .map(|(section, _)| *section)
}

/// "Skills: Linux, Bash" labels its own line without opening a section.
fn inline_label(text: &str) -> Option<Section> {
    let (label, rest) = text.split_once(':')?;
    if rest.trim().is_empty() || label.split_whitespace().count() > 3 {
        return None;
    }
    known_section(&normalize(label))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{Format, TextLine};

    fn sections(text: &str) -> Vec<Section> {
        let document = Document::new(Format::Text, text.lines().map(TextLine::plain).collect());
        parse(&document).lines.iter().map(|l| l.section).collect()
    }

    #[test]
    fn headings_open_sections() {
        use Section::*;
        assert_eq!(
            sections("Jane Doe\nEXPERIENCE\nSysadmin\nSkills\nLinux\nInterests:\nGo"),
            [
                Header, Experience, Experience, Skills, Skills, Interests, Interests
            ]
        );
    }

    #[test]
    fn headings_in_other_languages() {
        assert_eq!(sections("BERUFSERFAHRUNG")[0], Section::Experience);
        assert_eq!(sections("Compétences techniques")[0], Section::Skills);
        assert_eq!(sections("Formación")[0], Section::Education);
        assert_eq!(sections("Experiência profissional")[0], Section::Experience);
        assert_eq!(sections("Опыт работы")[0], Section::Experience);
        assert_eq!(sections("Centres d'intérêt")[0], Section::Interests);
    }

    #[test]
    fn styled_job_titles_stay_inside_their_section() {
        let document = Document::new(
            Format::Markdown,
            vec![
                TextLine {
                    text: "Jo Doe".into(),
                    is_heading: true,
                },
                TextLine {
                    text: "Experience".into(),
                    is_heading: true,
                },
                TextLine {
                    text: "Senior Engineer — Acme".into(),
                    is_heading: true,
                },
                TextLine::plain("Ran Linux"),
            ],
        );
        let sections: Vec<Section> = parse(&document).lines.iter().map(|l| l.section).collect();
        use Section::*;
        assert_eq!(sections, [Header, Experience, Experience, Experience]);
    }

    #[test]
    fn job_titles_and_prose_are_not_headings() {
        use Section::*;
        assert_eq!(
            sections(
                "SUMMARY\nSenior Systems Administrator\nI led the project to move our skills matrix"
            ),
            [Summary, Summary, Summary]
        );
    }

    fn periods(text: &str) -> Vec<Option<u16>> {
        let document = Document::new(Format::Text, text.lines().map(TextLine::plain).collect());
        parse(&document)
            .lines
            .iter()
            .map(|l| l.period.map(|p| p.start.year))
            .collect()
    }

    #[test]
    fn experience_lines_take_their_jobs_dates() {
        let text = "EXPERIENCE\nSenior Engineer\nAcme Ltd\n2019 - present\nRan Linux.\nEngineer, Bolt plc, 2015 - 2019\nRan Windows\nEDUCATION\nBSc, 2014 - 2015";
        assert_eq!(
            periods(text),
            [
                None,
                Some(2019),
                Some(2019),
                Some(2019),
                Some(2019),
                Some(2015),
                Some(2015),
                None,
                None
            ]
        );
    }

    #[test]
    fn a_bare_date_claims_its_title_but_not_the_job_before() {
        let text = "EXPERIENCE\nAdmin, Acme\n2019 - present\nWrote the runbooks for restores.\nEngineer, Bolt\n2015 - 2019\nRan Windows";
        assert_eq!(
            periods(text),
            [
                None,
                Some(2019),
                Some(2019),
                Some(2019),
                Some(2015),
                Some(2015),
                Some(2015)
            ]
        );
    }

    #[test]
    fn a_column_of_dates_is_not_guessed_at() {
        let text = "EXPERIENCE\n2019 - present\n2015 - 2019\nNurse\nRan wards";
        assert_eq!(
            periods(text),
            [None, None, Some(2015), Some(2015), Some(2015)]
        );
    }

    #[test]
    fn inline_labels_tag_only_their_line() {
        use Section::*;
        assert_eq!(
            sections("EXPERIENCE\nSkills: Linux, Bash\nRan servers"),
            [Experience, Skills, Experience]
        );
    }
}
