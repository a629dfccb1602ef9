//! What the positions of a page's text tell beyond the text itself: how many columns it forms,
//! and where two words drawn apart were run together.
//!
//! A column boundary is a vertical strip that (almost) no text crosses, with a fair share of
//! the page's text on each side of it. A full-width name or contact line may cross the strip;
//! right-aligned dates in a one-column resume are too little text to count as a column.

/// One positioned piece of text on a page, in points from the page's left edge.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TextBox {
    pub left: f32,
    pub right: f32,
    pub characters: usize,
}

/// Narrower than this, a strip without text is the space between words, not a gutter.
const MIN_GUTTER_WIDTH: f32 = 8.0;
/// Each column holds at least this share of the page's letters: a sidebar of skills and
/// contacts does, a flush-right rail of dates and places does not.
const MIN_COLUMN_SHARE: f64 = 0.15;
/// Text crossing a gutter may be at most this share: headings and contact lines spanning both.
const MAX_CROSSING_SHARE: f64 = 0.06;
/// With less text than this, a page says nothing about its layout.
const MIN_CHARACTERS: usize = 200;
/// Width of the strips the page is cut into when looking for gutters, unless the text is so
/// wide (a hostile page) that [`MAX_STRIPS`] strips must be wider.
const STRIP_WIDTH: f32 = 2.0;
const MAX_STRIPS: usize = 10_000;
/// More columns than a resume has; stops a hostile page of thin slivers from counting many.
const MAX_COLUMNS: usize = 4;

/// How many columns the text of one page forms: 1 when unsure.
pub fn guess_columns(boxes: &[TextBox]) -> usize {
    let boxes: Vec<TextBox> = boxes
        .iter()
        .copied()
        .filter(|b| {
            b.characters > 0 && b.right > b.left && b.left.is_finite() && b.right.is_finite()
        })
        .collect();
    let total: usize = boxes.iter().map(|b| b.characters).sum();
    if total < MIN_CHARACTERS {
        return 1;
    }
    let centres = Centres::new(&boxes);
    let mut columns = 1;
    let mut column_start = f32::NEG_INFINITY;
    for (gutter_left, gutter_right) in empty_strips(&boxes, total) {
        let share_between = centres.share_between(total, column_start, gutter_left);
        let share_after = centres.share_between(total, gutter_right, f32::INFINITY);
        if share_between >= MIN_COLUMN_SHARE && share_after >= MIN_COLUMN_SHARE {
            columns += 1;
            column_start = gutter_right;
            if columns == MAX_COLUMNS {
                break;
            }
        }
    }
    columns
}

/// Strips at least [`MIN_GUTTER_WIDTH`] wide, strictly inside the text's extent, that only a
/// small share of the text crosses; left to right.
fn empty_strips(boxes: &[TextBox], total: usize) -> Vec<(f32, f32)> {
    let start = boxes.iter().map(|b| b.left).fold(f32::INFINITY, f32::min);
    let end = boxes
        .iter()
        .map(|b| b.right)
        .fold(f32::NEG_INFINITY, f32::max);
    let width = STRIP_WIDTH.max((end - start) / MAX_STRIPS as f32);
    let strips = (((end - start) / width).ceil() as usize).clamp(1, MAX_STRIPS);
    let crossing = crossing_characters(boxes, start, width, strips);
    let allowed = MAX_CROSSING_SHARE * total as f64;
    let mut gutters = Vec::new();
    let mut run_start = None;
    for (strip, &characters) in crossing.iter().enumerate() {
        let open = (characters as f64) <= allowed;
        match (open, run_start) {
            (true, None) => run_start = Some(strip),
            (false, Some(first)) => {
                let left = start + first as f32 * width;
                let right = start + strip as f32 * width;
                if first > 0 && right - left >= MIN_GUTTER_WIDTH {
                    gutters.push((left, right));
                }
                run_start = None;
            }
            _ => {}
        }
    }
    gutters
}

/// For each strip, the characters of the boxes that cover it (a difference array, so the cost
/// is one pass over the boxes and one over the strips).
fn crossing_characters(boxes: &[TextBox], start: f32, width: f32, strips: usize) -> Vec<usize> {
    let mut delta = vec![0i64; strips + 1];
    for b in boxes {
        let first = (((b.left - start) / width).floor().max(0.0) as usize).min(strips);
        let last = (((b.right - start) / width).ceil().max(0.0) as usize).min(strips);
        delta[first] += b.characters as i64;
        delta[last] -= b.characters as i64;
    }
    let mut running = 0i64;
    delta[..strips]
        .iter()
        .map(|d| {
            running += d;
            running.max(0) as usize
        })
        .collect()
}

/// The boxes' centres in order, with the characters up to each, so that the text between two
/// positions is two binary searches, not a pass over the boxes for every gutter.
struct Centres {
    centres: Vec<f32>,
    /// `characters_before[i]`: the characters of the boxes of the first `i` centres.
    characters_before: Vec<usize>,
}

impl Centres {
    /// Boxes with finite edges only (as [`guess_columns`] keeps them).
    fn new(boxes: &[TextBox]) -> Self {
        let mut by_centre: Vec<(f32, usize)> = boxes
            .iter()
            .map(|b| ((b.left + b.right) / 2.0, b.characters))
            .collect();
        by_centre.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut characters_before = Vec::with_capacity(by_centre.len() + 1);
        characters_before.push(0);
        let mut sum = 0;
        for &(_, characters) in &by_centre {
            sum += characters;
            characters_before.push(sum);
        }
        Centres {
            centres: by_centre.into_iter().map(|(centre, _)| centre).collect(),
            characters_before,
        }
    }

    /// Share of the text whose boxes' centres lie strictly between `from` and `to`.
    fn share_between(&self, total: usize, from: f32, to: f32) -> f64 {
        let first = self.centres.partition_point(|&c| c <= from);
        let end = self.centres.partition_point(|&c| c < to).max(first);
        let inside = self.characters_before[end] - self.characters_before[first];
        inside as f64 / total as f64
    }
}

/// One drawn character, in points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Glyph {
    pub char: char,
    pub left: f32,
    pub right: f32,
    pub baseline: f32,
    pub size: f32,
}

/// A gap this wide (in ems) between two characters of a line separates words: a word space is
/// about 0.25 em, kerning under 0.1 em.
const WORD_GAP: f32 = 0.25;
/// Gaps this narrow around a wide one show it is a single gap between two words; letter-spaced
/// headings ("J O R D A N") have the same wide gap between every letter instead.
const LETTER_GAP: f32 = 0.1;
/// More joins than a page of a resume has; bounds the work on a hostile page.
const MAX_JOINS: usize = 500;
/// Longer than any word; bounds the context taken on either side of a gap.
const MAX_WORD: usize = 64;

/// Two words drawn apart on one line (a tab stop, a bullet set off from its text, a label and
/// its value) whose characters have no space between them: the word before the gap and the
/// word after it, in reading order.
pub fn words_run_together(glyphs: &[Glyph]) -> Vec<(String, String)> {
    let mut joins = Vec::new();
    for at in 1..glyphs.len() {
        if joins.len() == MAX_JOINS {
            break;
        }
        if is_lone_word_gap(glyphs, at) {
            joins.push((word_before(glyphs, at), word_after(glyphs, at)));
        }
    }
    joins
}

/// Whether the gap between glyphs `at - 1` and `at` separates two words and stands alone.
fn is_lone_word_gap(glyphs: &[Glyph], at: usize) -> bool {
    let (before, after) = (&glyphs[at - 1], &glyphs[at]);
    if before.char.is_whitespace() || after.char.is_whitespace() {
        return false;
    }
    let narrow_or_none = |i: usize| {
        glyphs
            .get(i)
            .zip(glyphs.get(i + 1))
            .is_none_or(|(a, b)| gap_in_ems(a, b).is_none_or(|gap| gap < LETTER_GAP))
    };
    gap_in_ems(before, after).is_some_and(|gap| gap >= WORD_GAP)
        && (at < 2 || narrow_or_none(at - 2))
        && narrow_or_none(at)
}

/// The space between two glyphs of one line, in ems of the larger; `None` when they are not
/// side by side on one baseline.
fn gap_in_ems(a: &Glyph, b: &Glyph) -> Option<f32> {
    let size = a.size.max(b.size);
    let same_line = size > 0.0 && (a.baseline - b.baseline).abs() < 0.3 * size;
    same_line
        .then(|| (b.left - a.right) / size)
        .filter(|gap| gap.is_finite())
}

/// The word that ends with glyph `at - 1`: the glyphs before it on its line, back to a space
/// or a gap.
fn word_before(glyphs: &[Glyph], at: usize) -> String {
    let mut start = at - 1;
    while start > 0 && at - start < MAX_WORD && same_word(&glyphs[start - 1], &glyphs[start]) {
        start -= 1;
    }
    glyphs[start..at].iter().map(|g| g.char).collect()
}

/// The word that starts with glyph `at`.
fn word_after(glyphs: &[Glyph], at: usize) -> String {
    let mut end = at + 1;
    while end < glyphs.len() && end - at < MAX_WORD && same_word(&glyphs[end - 1], &glyphs[end]) {
        end += 1;
    }
    glyphs[at..end].iter().map(|g| g.char).collect()
}

fn same_word(a: &Glyph, b: &Glyph) -> bool {
    !a.char.is_whitespace()
        && !b.char.is_whitespace()
        && gap_in_ems(a, b).is_some_and(|gap| gap < WORD_GAP)
}

/// Puts a space back between each pair of words that `text` runs together, in order: the
/// first occurrence after the previous one, so a pair that also appears elsewhere, correctly
/// spaced or not, is only changed where it was drawn apart.
pub fn separate_words(text: &str, joins: &[(String, String)]) -> String {
    let mut out = String::with_capacity(text.len() + joins.len());
    let mut rest = text;
    for (before, after) in joins {
        let glued = format!("{before}{after}");
        if let Some(found) = rest.find(&glued) {
            let split = found + before.len();
            out.push_str(&rest[..split]);
            out.push(' ');
            rest = &rest[split..];
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(left: f32, right: f32, characters: usize) -> TextBox {
        TextBox {
            left,
            right,
            characters,
        }
    }

    /// Lines of a column: `count` lines between `left` and `right`, 40 characters each.
    fn column(left: f32, right: f32, count: usize) -> Vec<TextBox> {
        (0..count).map(|_| line(left, right, 40)).collect()
    }

    #[test]
    fn full_width_lines_are_one_column() {
        assert_eq!(guess_columns(&column(56.0, 540.0, 30)), 1);
    }

    #[test]
    fn lines_of_uneven_length_are_still_one_column() {
        let boxes: Vec<_> = (0..30)
            .map(|i| line(56.0, 200.0 + (i * 37 % 340) as f32, 40))
            .collect();
        assert_eq!(guess_columns(&boxes), 1);
    }

    #[test]
    fn a_sidebar_and_a_main_column_are_two() {
        let mut boxes = column(40.0, 180.0, 12);
        boxes.extend(column(220.0, 560.0, 40));
        assert_eq!(guess_columns(&boxes), 2);
    }

    #[test]
    fn a_full_width_name_over_two_columns_is_still_two() {
        let mut boxes = vec![line(40.0, 560.0, 20), line(40.0, 560.0, 60)];
        boxes.extend(column(40.0, 290.0, 25));
        boxes.extend(column(310.0, 560.0, 25));
        assert_eq!(guess_columns(&boxes), 2);
    }

    #[test]
    fn right_aligned_dates_are_not_a_column() {
        let mut boxes = column(56.0, 420.0, 40);
        boxes.extend(column(470.0, 540.0, 5).into_iter().map(|mut b| {
            b.characters = 16;
            b
        }));
        assert_eq!(guess_columns(&boxes), 1);
    }

    #[test]
    fn three_columns_are_three() {
        let mut boxes = column(40.0, 200.0, 20);
        boxes.extend(column(220.0, 380.0, 20));
        boxes.extend(column(400.0, 560.0, 20));
        assert_eq!(guess_columns(&boxes), 3);
    }

    #[test]
    fn too_little_text_says_one() {
        let mut boxes = column(40.0, 180.0, 2);
        boxes.extend(column(220.0, 560.0, 2));
        assert_eq!(guess_columns(&boxes), 1);
    }

    #[test]
    fn slivers_and_nonsense_coordinates_stay_bounded() {
        let mut boxes: Vec<_> = (0..1000)
            .map(|i| line(i as f32 * 20.0, i as f32 * 20.0 + 1.0, 40))
            .collect();
        boxes.push(line(f32::NAN, 10.0, 5));
        boxes.push(line(0.0, f32::INFINITY, 5));
        boxes.push(line(-1e30, 1e30, 1));
        assert!(guess_columns(&boxes) <= MAX_COLUMNS);
    }

    #[test]
    fn shares_between_centres_are_those_of_a_pass_over_the_boxes() {
        let boxes: Vec<_> = (0..300)
            .map(|i| {
                let left = (i * 37 % 500) as f32 + 0.5 * (i % 3) as f32;
                line(left, left + (i * 13 % 90) as f32, i % 50)
            })
            .collect();
        let total: usize = boxes.iter().map(|b| b.characters).sum();
        let centres = Centres::new(&boxes);
        let edges = [
            f32::NEG_INFINITY,
            -1.0,
            0.0,
            12.5,
            40.0,
            250.25,
            300.0,
            599.0,
            f32::INFINITY,
        ];
        for &from in &edges {
            for &to in &edges {
                let inside: usize = boxes
                    .iter()
                    .filter(|b| {
                        let centre = (b.left + b.right) / 2.0;
                        centre > from && centre < to
                    })
                    .map(|b| b.characters)
                    .sum();
                assert_eq!(
                    centres.share_between(total, from, to),
                    inside as f64 / total as f64,
                    "{from}..{to}"
                );
            }
        }
    }

    /// Glyphs of `text` on one line, 0.5 em wide each, with `gaps[i]` ems after the i-th.
    fn drawn(text: &str, gap_after: impl Fn(usize, char) -> f32) -> Vec<Glyph> {
        let mut x = 0.0;
        text.chars()
            .enumerate()
            .map(|(i, c)| {
                let glyph = Glyph {
                    char: c,
                    left: x,
                    right: x + 5.0,
                    baseline: 700.0,
                    size: 10.0,
                };
                x += 5.0 + 10.0 * gap_after(i, c);
                glyph
            })
            .collect()
    }

    #[test]
    fn a_tab_stop_between_label_and_value_is_found() {
        let glyphs = drawn("Cloud:AWS, GCP", |i, _| if i == 5 { 0.7 } else { 0.0 });
        let joins = words_run_together(&glyphs);
        assert_eq!(joins, [("Cloud:".to_string(), "AWS,".to_string())]);
        assert_eq!(
            separate_words("Skills\nCloud:AWS, GCP", &joins),
            "Skills\nCloud: AWS, GCP"
        );
    }

    #[test]
    fn a_bullet_set_off_from_its_text_is_found() {
        let mut glyphs = drawn("present", |_, _| 0.0);
        for g in &mut glyphs {
            g.baseline += 14.0;
        }
        glyphs.extend(drawn("•Deployed it", |i, _| if i == 0 { 1.4 } else { 0.0 }));
        let joins = words_run_together(&glyphs);
        assert_eq!(joins, [("•".to_string(), "Deployed".to_string())]);
        assert_eq!(
            separate_words("present\n•Deployed it", &joins),
            "present\n• Deployed it"
        );
    }

    #[test]
    fn letter_spaced_headings_stay_words() {
        let glyphs = drawn("JORDAN", |_, _| 0.55);
        assert!(words_run_together(&glyphs).is_empty());
    }

    #[test]
    fn kerning_and_spaces_already_there_change_nothing() {
        let kerned = drawn("Terraform", |_, _| 0.05);
        assert!(words_run_together(&kerned).is_empty());
        let spaced = drawn("AWS and GCP", |_, c| if c == ' ' { 0.3 } else { 0.0 });
        assert!(words_run_together(&spaced).is_empty());
    }

    #[test]
    fn glyphs_on_other_lines_are_not_neighbours() {
        let mut glyphs = drawn("Linux", |_, _| 0.0);
        let mut next_line = drawn("Bash", |_, _| 0.0);
        for g in &mut next_line {
            g.baseline -= 14.0;
            g.left += 100.0;
            g.right += 100.0;
        }
        glyphs.extend(next_line);
        assert!(words_run_together(&glyphs).is_empty());
    }

    #[test]
    fn a_page_of_words_drawn_apart_is_bounded() {
        let glyphs = drawn(
            &"ab".repeat(50_000),
            |i, _| if i % 2 == 1 { 1.0 } else { 0.0 },
        );
        let joins = words_run_together(&glyphs);
        assert_eq!(joins.len(), MAX_JOINS);
        assert!(
            joins
                .iter()
                .all(|(before, after)| before == "ab" && after == "ab")
        );
    }

    #[test]
    fn only_the_occurrence_drawn_apart_is_separated() {
        let joins = vec![("Cloud:".to_string(), "AWS".to_string())];
        assert_eq!(
            separate_words("Cloud: AWS\nCloud:AWS", &joins),
            "Cloud: AWS\nCloud: AWS"
        );
        assert_eq!(separate_words("no such words", &joins), "no such words");
    }
}
