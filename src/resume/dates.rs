//! Date ranges of jobs: "2019 – present", "Mar 2017 – Jun 2020", "2015-2018", "June 2021 –
//! current", "03/2017 - 06/2020", "2018 – heute". A range that cannot be read is not used; it is
//! never guessed.

use std::fmt;

/// A month of a year; month 1–12, or 0 when only the year is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    /// The year.
    pub year: u16,
    /// The month, 1–12, or 0 when only the year is known.
    pub month: u8,
}

impl YearMonth {
    /// The month `month` (1–12, or 0 for the year alone) of `year`.
    pub fn new(year: u16, month: u8) -> Self {
        YearMonth { year, month }
    }

    /// Months since year 0, placing a year-only date in its middle.
    fn months(self) -> i64 {
        let month = if self.month == 0 {
            6
        } else {
            i64::from(self.month) - 1
        };
        i64::from(self.year) * 12 + month
    }

    /// The current month by the system clock (UTC).
    pub fn today() -> Self {
        let seconds = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        Self::from_unix_days((seconds / 86_400) as i64)
    }

    /// The civil month of a day counted from 1970-01-01 (Howard Hinnant's algorithm).
    fn from_unix_days(days: i64) -> Self {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let day_of_era = z.rem_euclid(146_097);
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let shifted_month = (5 * day_of_year + 2) / 153;
        let month = if shifted_month < 10 {
            shifted_month + 3
        } else {
            shifted_month - 9
        };
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        YearMonth::new(year.clamp(0, i64::from(u16::MAX)) as u16, month as u8)
    }

    /// Parses `YYYY-MM` (the `--as-of` flag).
    pub fn parse_iso(text: &str) -> Option<Self> {
        let (year, month) = text.trim().split_once('-')?;
        let year: u16 = year.parse().ok()?;
        let month: u8 = month.parse().ok()?;
        (plausible_year(year) && (1..=12).contains(&month)).then_some(YearMonth { year, month })
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.month == 0 {
            write!(f, "{}", self.year)
        } else {
            write!(f, "{}-{:02}", self.year, self.month)
        }
    }
}

/// The end of a period: a month, or "present".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    /// A month that has passed.
    At(YearMonth),
    /// "present", "current", "heute": the job is held now.
    Present,
}

/// When a job was held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    /// When the job began.
    pub start: YearMonth,
    /// When it ended.
    pub end: End,
}

impl Period {
    /// The month it ended, `today` for a job held now.
    pub fn end_at(&self, today: YearMonth) -> YearMonth {
        match self.end {
            End::At(end) => end,
            End::Present => today,
        }
    }

    /// Start and end in months, for merging periods.
    pub fn months(&self, today: YearMonth) -> (i64, i64) {
        (
            self.start.months(),
            self.end_at(today).months().max(self.start.months()),
        )
    }
}

const PRESENT_WORDS: &[&str] = &[
    "present",
    "current",
    "currently",
    "now",
    "today",
    "date",
    "ongoing",
    "heute",
    "jetzt",
    "aktuell",
    "aujourd'hui",
    "aujourdhui",
    "actuel",
    "actualidad",
    "presente",
    "actual",
    "atual",
    "hoje",
    "настоящее",
    "наст",
    "н.в",
];

const MONTHS: &[(&str, u8)] = &[
    ("january", 1),
    ("jan", 1),
    ("januar", 1),
    ("janvier", 1),
    ("enero", 1),
    ("janeiro", 1),
    ("jänner", 1),
    ("february", 2),
    ("feb", 2),
    ("februar", 2),
    ("février", 2),
    ("fevrier", 2),
    ("febrero", 2),
    ("fevereiro", 2),
    ("march", 3),
    ("mar", 3),
    ("märz", 3),
    ("marz", 3),
    ("mars", 3),
    ("marzo", 3),
    ("março", 3),
    ("april", 4),
    ("apr", 4),
    ("avril", 4),
    ("abril", 4),
    ("may", 5),
    ("mai", 5),
    ("mayo", 5),
    ("maio", 5),
    ("june", 6),
    ("jun", 6),
    ("juni", 6),
    ("juin", 6),
    ("junio", 6),
    ("junho", 6),
    ("july", 7),
    ("jul", 7),
    ("juli", 7),
    ("juillet", 7),
    ("julio", 7),
    ("julho", 7),
    ("august", 8),
    ("aug", 8),
    ("août", 8),
    ("aout", 8),
    ("agosto", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("septembre", 9),
    ("septiembre", 9),
    ("setembro", 9),
    ("october", 10),
    ("oct", 10),
    ("oktober", 10),
    ("okt", 10),
    ("octobre", 10),
    ("octubre", 10),
    ("outubro", 10),
    ("november", 11),
    ("nov", 11),
    ("novembre", 11),
    ("noviembre", 11),
    ("novembro", 11),
    ("december", 12),
    ("dec", 12),
    ("dezember", 12),
    ("dez", 12),
    ("décembre", 12),
    ("decembre", 12),
    ("diciembre", 12),
    ("dezembro", 12),
];

/// Seasons read as their middle month ("Summer 2024").
const SEASONS: &[(&str, u8)] = &[
    ("spring", 4),
    ("summer", 7),
    ("autumn", 10),
    ("fall", 10),
    ("winter", 1),
];

const SEPARATORS: &[&str] = &[
    "–", "—", "-", "−", "to", "until", "till", "bis", "à", "a", "al", "до", "→", ">",
];

fn plausible_year(year: u16) -> bool {
    (1950..=2100).contains(&year)
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Date(YearMonth),
    Present,
    Separator,
    Since,
    Other,
}

/// The period a line names, if it names exactly one readable range (or "since YEAR").
pub fn find_period(line: &str) -> Option<Period> {
    // Every date holds a year of four ASCII digits in a row, and most lines hold none.
    if !has_four_digits(line) {
        return None;
    }
    let tokens = tokenize(line);
    let mut found = None;
    for (i, token) in tokens.iter().enumerate() {
        let Token::Date(start) = token else { continue };
        let since = i > 0 && tokens[i - 1] == Token::Since;
        let end = match (tokens.get(i + 1), tokens.get(i + 2)) {
            (Some(Token::Separator), Some(Token::Date(end))) if end >= start => Some(End::At(*end)),
            (Some(Token::Separator), Some(Token::Present)) => Some(End::Present),
            _ if since => Some(End::Present),
            _ => None,
        };
        if let Some(end) = end {
            if found.is_some() {
                return None; // two ranges on one line: not ours to choose
            }
            found = Some(Period { start: *start, end });
        }
    }
    found
}

fn has_four_digits(line: &str) -> bool {
    let mut run = 0;
    line.bytes().any(|b| {
        run = if b.is_ascii_digit() { run + 1 } else { 0 };
        run == 4
    })
}

/// Words of a line that are not part of a date ("Acme Ltd, 2019 - present" has two).
pub fn words_besides_dates(line: &str) -> usize {
    tokenize(line)
        .iter()
        .filter(|t| **t == Token::Other)
        .count()
}

fn tokenize(line: &str) -> Vec<Token> {
    let lower = line.to_lowercase();
    let mut spaced = String::with_capacity(lower.len());
    for c in lower.chars() {
        match c {
            '–' | '—' | '−' | '→' => {
                spaced.push(' ');
                spaced.push(c);
                spaced.push(' ');
            }
            '(' | ')' | ',' | '|' | '*' | '[' | ']' | '·' => spaced.push(' '),
            c => spaced.push(c),
        }
    }
    let mut tokens = Vec::new();
    let words: Vec<&str> = spaced.split_whitespace().collect();
    let mut i = 0;
    while i < words.len() {
        let word = words[i].trim_matches(|c: char| c == '.' || c == ':' || c == ';');
        if let Some((read, used)) = read_date(word, words.get(i + 1).copied()) {
            tokens.extend(read);
            i += used;
            continue;
        }
        tokens.extend(read_word(word));
        i += 1;
    }
    tokens
}

/// A date from one word ("2019", "03/2017", "2017-03") or two ("March 2019", "Summer 2024"),
/// or a whole range written as one word ("2015-2018", "2019-present").
fn read_date(word: &str, next: Option<&str>) -> Option<(Vec<Token>, usize)> {
    let month_word = MONTHS
        .iter()
        .chain(SEASONS)
        .find(|(name, _)| *name == word)
        .map(|(_, m)| *m);
    if let (Some(month), Some(next)) = (month_word, next)
        && let Some(year) = read_year(next.trim_matches(|c: char| !c.is_ascii_digit()))
    {
        return Some((vec![Token::Date(YearMonth::new(year, month))], 2));
    }
    if let Some(year) = read_year(word) {
        return Some((vec![Token::Date(YearMonth::new(year, 0))], 1));
    }
    for separator in ['/', '.', '-'] {
        let Some((a, b)) = word.split_once(separator) else {
            continue;
        };
        if let Some(date) = month_and_year(a, b).or_else(|| month_and_year(b, a)) {
            return Some((vec![Token::Date(date)], 1));
        }
        if let Some(start) = read_year(a) {
            let end = match read_year(b) {
                Some(end) => Token::Date(YearMonth::new(end, 0)),
                None if PRESENT_WORDS.contains(&b) => Token::Present,
                None => continue,
            };
            return Some((
                vec![Token::Date(YearMonth::new(start, 0)), Token::Separator, end],
                1,
            ));
        }
    }
    None
}

fn month_and_year(month: &str, year: &str) -> Option<YearMonth> {
    let month: u8 = month.parse().ok().filter(|m| (1..=12).contains(m))?;
    let year = read_year(year)?;
    Some(YearMonth::new(year, month))
}

fn read_year(word: &str) -> Option<u16> {
    if word.len() != 4 || !word.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    word.parse().ok().filter(|y| plausible_year(*y))
}

fn read_word(word: &str) -> Vec<Token> {
    if word.is_empty() {
        return Vec::new();
    }
    if PRESENT_WORDS.contains(&word) {
        return vec![Token::Present];
    }
    if SEPARATORS.contains(&word) {
        return vec![Token::Separator];
    }
    if matches!(word, "since" | "seit" | "depuis" | "desde" | "с") {
        return vec![Token::Since];
    }
    vec![Token::Other]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ym(year: u16, month: u8) -> YearMonth {
        YearMonth::new(year, month)
    }

    fn range(line: &str) -> Option<(YearMonth, End)> {
        find_period(line).map(|p| (p.start, p.end))
    }

    #[test]
    fn date_styles_are_read() {
        use End::{At, Present};
        let cases: &[(&str, (YearMonth, End))] = &[
            ("2019 – present", (ym(2019, 0), Present)),
            ("2019 - Present", (ym(2019, 0), Present)),
            ("Mar 2017 – Jun 2020", (ym(2017, 3), At(ym(2020, 6)))),
            ("March 2019 - present", (ym(2019, 3), Present)),
            ("June 2015 - February 2019", (ym(2015, 6), At(ym(2019, 2)))),
            ("2015-2018", (ym(2015, 0), At(ym(2018, 0)))),
            ("2015–2018", (ym(2015, 0), At(ym(2018, 0)))),
            ("2022–now", (ym(2022, 0), Present)),
            ("June 2021 – current", (ym(2021, 6), Present)),
            ("03/2017 - 06/2020", (ym(2017, 3), At(ym(2020, 6)))),
            ("2017.03 – 2020.06", (ym(2017, 3), At(ym(2020, 6)))),
            ("Jan. 2019 – Dec. 2021", (ym(2019, 1), At(ym(2021, 12)))),
            ("January 2019 to March 2021", (ym(2019, 1), At(ym(2021, 3)))),
            ("Sept 2019 – today", (ym(2019, 9), Present)),
            ("*2018 – heute*", (ym(2018, 0), Present)),
            ("2016 – aujourd'hui", (ym(2016, 0), Present)),
            ("2020 – actualidad", (ym(2020, 0), Present)),
            ("2019 - atual", (ym(2019, 0), Present)),
            ("2015 — 2019", (ym(2015, 0), At(ym(2019, 0)))),
            ("since 2020", (ym(2020, 0), Present)),
            ("seit März 2018", (ym(2018, 3), Present)),
            (
                "Engineer, Acme Ltd, Leeds (2019 - present)",
                (ym(2019, 0), Present),
            ),
            (
                "Engineer | Acme | Toronto | 2017 - 2021",
                (ym(2017, 0), At(ym(2021, 0))),
            ),
            ("Summer 2023 – Winter 2024", (ym(2023, 7), At(ym(2024, 1)))),
            ("2019-present", (ym(2019, 0), Present)),
            ("12.2019 – 03.2022", (ym(2019, 12), At(ym(2022, 3)))),
        ];
        for (line, expected) in cases {
            assert_eq!(range(line), Some(*expected), "{line}");
        }
    }

    #[test]
    fn garbage_and_single_dates_are_not_ranges() {
        for line in [
            "CISSP (2022), AWS Security (2021)",
            "BSc Computing, 2015",
            "Handled 2,400 rules - 900 remain",
            "2020 - 2015",
            "9999 - 10000",
            "1200 - 1300",
            "Phone 0770 - 0900",
            "",
            "– present",
            "2019 – 2020 and 2021 – 2022",
            "migrated 40 VMs in 2020",
        ] {
            assert_eq!(range(line), None, "{line}");
        }
    }

    #[test]
    fn lines_without_four_digits_in_a_row_are_not_tokenized() {
        assert!(has_four_digits("Engineer, 2019 - present"));
        assert!(has_four_digits("03/2017"));
        assert!(!has_four_digits("Ran 400 servers in 12 sites, 1 2 3 4"));
        assert!(!has_four_digits("٢٠١٩ – present"));
    }

    #[test]
    fn present_ends_today() {
        let period = find_period("2019 - present").unwrap();
        assert_eq!(period.end_at(ym(2026, 11)), ym(2026, 11));
    }

    #[test]
    fn unix_days_become_months() {
        assert_eq!(YearMonth::from_unix_days(0), ym(1970, 1));
        assert_eq!(YearMonth::from_unix_days(20_417), ym(2025, 11));
        assert_eq!(YearMonth::from_unix_days(11_016), ym(2000, 2));
        assert_eq!(YearMonth::from_unix_days(11_017), ym(2000, 3));
    }

    #[test]
    fn iso_months_parse() {
        assert_eq!(YearMonth::parse_iso("2026-11"), Some(ym(2026, 11)));
        assert_eq!(YearMonth::parse_iso("2026-13"), None);
        assert_eq!(YearMonth::parse_iso("soon"), None);
    }
}
