//! Stage 4: from matches to verdicts: a status per skill, the weighted score, the focus areas
//! and the background that fits best. [`compare`] says what changed between two analyses.

mod compare;
mod model;

pub use compare::{Change, Comparison, SkillChange, compare};
pub use model::{
    Analysis, BackgroundFit, DEFAULT_FOCUS_AREAS, FocusArea, Gap, Part, STALE_AFTER_YEARS, Score,
    SkillVerdict, Status, Usage,
};

use crate::matching::{Evidence, Findings, Matches, Shows};
use crate::profile::{Category, Evidence as SkillEvidence, Profile, Skill};
use crate::resume::{Section, YearMonth};

/// The share of a stale skill's weight that the focus ranking counts as its gap.
const STALE_GAP: f64 = 0.25;

/// The verdicts, score, focus areas and backgrounds of a resume's matches for a role.
/// `today` ends the jobs held "to present" and sets what counts as stale.
pub fn analyze(profile: &Profile, matches: &Matches, today: YearMonth) -> Analysis {
    let skills: Vec<SkillVerdict> = profile
        .skills
        .iter()
        .zip(&matches.skills)
        .map(|(skill, findings)| verdict(skill, findings, &matches.skills, today))
        .collect();
    let score = score(&skills, profile.partial_credit);
    let focus = focus_areas(&skills, profile.partial_credit);
    let backgrounds = backgrounds(profile, matches, &skills);
    Analysis {
        role_id: profile.id.clone(),
        role_title: profile.title.clone(),
        skills,
        score,
        focus,
        backgrounds,
    }
}

fn verdict(skill: &Skill, findings: &Findings, all: &[Findings], today: YearMonth) -> SkillVerdict {
    let mut evidence = findings.evidence.clone();
    for borrowed in evidence_from_other_skills(skill, all) {
        let known = evidence
            .iter()
            .any(|e| e.line == borrowed.line && e.term == borrowed.term);
        if !known {
            evidence.push(borrowed);
        }
    }
    let (status, reason) = status(skill, &evidence);
    evidence.sort_by_key(|e| (rank(e), e.line));
    SkillVerdict {
        id: skill.id.clone(),
        name: skill.name.clone(),
        category: skill.category,
        weight: skill.weight,
        status,
        reason,
        evidence,
        rejected: findings.rejected.clone(),
        usage: usage(&findings.evidence, today),
        next_step: skill.next_step.clone(),
    }
}

/// Merges the periods of the dated jobs whose lines show the skill itself (not related
/// evidence), so two mentions in one job count its years once.
fn usage(evidence: &[Evidence], today: YearMonth) -> Option<Usage> {
    let mut spans: Vec<(i64, i64, u16)> = evidence
        .iter()
        .filter(|e| !matches!(e.shows, Shows::Related(_)))
        .filter_map(|e| e.period)
        .map(|p| {
            let (start, end) = p.months(today);
            (start, end, p.end_at(today).year)
        })
        .collect();
    if spans.is_empty() {
        return None;
    }
    spans.sort_unstable();
    let mut months = 0;
    let mut covered_to = i64::MIN;
    for &(start, end, _) in &spans {
        let from = start.max(covered_to);
        months += (end - from).max(0);
        covered_to = covered_to.max(end);
    }
    let last_used = spans.iter().map(|s| s.2).max().unwrap_or(today.year);
    // A summary is written in the present tense: naming the skill there claims it as current.
    let claimed_now = evidence.iter().any(|e| {
        matches!(e.section, Section::Header | Section::Summary)
            && !matches!(e.shows, Shows::Related(_))
    });
    Some(Usage {
        years: ((months as f64 / 12.0) * 2.0).round() / 2.0,
        last_used,
        stale: !claimed_now && today.year.saturating_sub(last_used) >= STALE_AFTER_YEARS,
    })
}

/// Evidence of the skills a partial group names ("containers" for virtualization), credited
/// to that group.
fn evidence_from_other_skills(skill: &Skill, all: &[Findings]) -> Vec<Evidence> {
    skill
        .partial
        .iter()
        .enumerate()
        .flat_map(|(group, partial)| {
            partial.skills.iter().flat_map(move |&other| {
                all[other].evidence.iter().map(move |e| Evidence {
                    shows: Shows::Related(group),
                    ..e.clone()
                })
            })
        })
        .collect()
}

/// Strongest evidence first: direct before related, and work done (experience, projects)
/// before a summary, a certificate or a bare skills-list entry, with interests last.
fn rank(evidence: &Evidence) -> (bool, u8) {
    let section = match evidence.section {
        Section::Experience | Section::Projects => 0,
        Section::Header | Section::Summary => 1,
        Section::Certifications => 2,
        Section::Skills => 3,
        Section::Education | Section::Other => 4,
        Section::Interests => 5,
    };
    (matches!(evidence.shows, Shows::Related(_)), section)
}

fn status(skill: &Skill, evidence: &[Evidence]) -> (Status, Option<String>) {
    let strong = |e: &&Evidence| !e.is_weak();
    match &skill.evidence {
        SkillEvidence::AnyOf(_) => {
            let direct: Vec<&Evidence> = evidence
                .iter()
                .filter(|e| e.shows == Shows::Skill)
                .collect();
            if direct.iter().any(strong) {
                return (Status::Aligned, None);
            }
            if !direct.is_empty() {
                return (
                    Status::Partial,
                    Some("mentioned only under interests, not in work, projects or skills".into()),
                );
            }
        }
        SkillEvidence::AllOf(parts) => {
            let shown: Vec<bool> = (0..parts.len())
                .map(|i| {
                    evidence
                        .iter()
                        .filter(strong)
                        .any(|e| e.shows == Shows::Part(i))
                })
                .collect();
            if shown.iter().all(|&s| s) {
                return (Status::Aligned, None);
            }
            if shown.iter().any(|&s| s) {
                let name = |want: bool| {
                    parts
                        .iter()
                        .zip(&shown)
                        .filter(|(_, s)| **s == want)
                        .map(|(p, _)| p.name.as_str())
                        .collect::<Vec<_>>()
                        .join(" and ")
                };
                return (
                    Status::Partial,
                    Some(format!("shows {} but not {}", name(true), name(false))),
                );
            }
        }
    }
    let related = evidence.iter().find_map(|e| match e.shows {
        Shows::Related(group) => Some(group),
        _ => None,
    });
    match related {
        Some(group) => (Status::Partial, Some(skill.partial[group].reason.clone())),
        None => (Status::Missing, None),
    }
}

fn credit(status: Status, partial_credit: f64) -> f64 {
    match status {
        Status::Aligned => 1.0,
        Status::Partial => partial_credit,
        Status::Missing => 0.0,
    }
}

fn score(skills: &[SkillVerdict], partial_credit: f64) -> Score {
    let part = |filter: &dyn Fn(&SkillVerdict) -> bool| {
        let (earned, possible) =
            skills
                .iter()
                .filter(|s| filter(s))
                .fold((0.0, 0.0), |(e, p), s| {
                    (
                        e + s.weight * credit(s.status, partial_credit),
                        p + s.weight,
                    )
                });
        Part {
            percent: percent(earned, possible),
            earned,
            possible,
        }
    };
    let all = part(&|_| true);
    Score {
        percent: all.percent,
        earned: all.earned,
        possible: all.possible,
        partial_credit,
        technical: part(&|s| s.category == Category::Technical),
        soft: part(&|s| s.category == Category::Soft),
    }
}

fn percent(earned: f64, possible: f64) -> f64 {
    if possible > 0.0 {
        (earned / possible * 1000.0).round() / 10.0
    } else {
        0.0
    }
}

/// Every skill not aligned, by weight × gap; missing before partial when equal; then by profile
/// order, so the ranking is stable.
fn focus_areas(skills: &[SkillVerdict], partial_credit: f64) -> Vec<FocusArea> {
    let mut areas: Vec<(usize, FocusArea)> = skills
        .iter()
        .enumerate()
        .filter_map(|(order, s)| {
            let (gap, share) = match s.status {
                Status::Missing => (Gap::Missing, 1.0),
                Status::Partial => (Gap::Partial, 1.0 - partial_credit),
                Status::Aligned if s.usage.is_some_and(|u| u.stale) => (Gap::Stale, STALE_GAP),
                Status::Aligned => return None,
            };
            let area = FocusArea {
                skill_id: s.id.clone(),
                name: s.name.clone(),
                status: s.status,
                gap,
                weight: s.weight,
                priority: (s.weight * share * 100.0).round() / 100.0,
                next_step: s.next_step.clone(),
            };
            Some((order, area))
        })
        .collect();
    areas.sort_by(|(oa, a), (ob, b)| {
        b.priority
            .total_cmp(&a.priority)
            .then(a.gap.cmp(&b.gap))
            .then(oa.cmp(ob))
    });
    areas.into_iter().map(|(_, area)| area).collect()
}

/// How much a background mention counts, by where it stands: a job held beats the title under
/// the name and the summary, which beat a course or a skills list. Resumes list the latest job
/// first, so among job lines each later one counts less: a person is more what they do now.
struct BackgroundWeights {
    experience_lines: Vec<usize>,
}

impl BackgroundWeights {
    fn new(matches: &Matches) -> Self {
        let mut experience_lines: Vec<usize> = matches
            .backgrounds
            .iter()
            .flat_map(|f| &f.evidence)
            .filter(|e| e.section == Section::Experience)
            .map(|e| e.line)
            .collect();
        experience_lines.sort_unstable();
        experience_lines.dedup();
        BackgroundWeights { experience_lines }
    }

    fn weight(&self, evidence: &Evidence) -> f64 {
        match evidence.section {
            Section::Experience => {
                let order = self
                    .experience_lines
                    .partition_point(|&l| l < evidence.line);
                1.0 / (1.0 + 0.5 * order as f64)
            }
            Section::Header => 0.9,
            Section::Summary => 0.6,
            Section::Projects | Section::Other => 0.4,
            Section::Skills | Section::Certifications => 0.3,
            Section::Education | Section::Interests => 0.1,
        }
    }
}

fn backgrounds(
    profile: &Profile,
    matches: &Matches,
    skills: &[SkillVerdict],
) -> Vec<BackgroundFit> {
    let weights = BackgroundWeights::new(matches);
    let mut fits: Vec<(f64, usize, BackgroundFit)> = profile
        .backgrounds
        .iter()
        .zip(&matches.backgrounds)
        .enumerate()
        .filter(|(_, (_, findings))| !findings.evidence.is_empty())
        .map(|(order, (background, findings))| {
            let strength: f64 = findings.evidence.iter().map(|e| weights.weight(e)).sum();
            let confidence = (strength / (strength + 1.0) * 100.0).round() / 100.0;
            let gap_confirmed = background
                .gap_skills
                .iter()
                .filter(|id| {
                    skills
                        .iter()
                        .any(|s| &s.id == *id && s.status != Status::Aligned)
                })
                .cloned()
                .collect();
            let mut evidence = findings.evidence.clone();
            evidence.sort_by(|a, b| {
                weights
                    .weight(b)
                    .total_cmp(&weights.weight(a))
                    .then(a.line.cmp(&b.line))
            });
            let fit = BackgroundFit {
                id: background.id.clone(),
                name: background.name.clone(),
                confidence,
                evidence,
                brings: background.brings.clone(),
                gap: background.gap.clone(),
                gap_confirmed,
            };
            (strength, order, fit)
        })
        .collect();
    fits.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    fits.into_iter().map(|(_, _, fit)| fit).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn verdict_with(id: &str, weight: f64, category: Category, status: Status) -> SkillVerdict {
        SkillVerdict {
            id: id.into(),
            name: id.into(),
            category,
            weight,
            status,
            reason: None,
            evidence: vec![],
            rejected: vec![],
            usage: None,
            next_step: format!("learn {id}"),
        }
    }

    #[test]
    fn score_weighs_partial_at_the_profile_credit() {
        let skills = [
            verdict_with("a", 3.0, Category::Technical, Status::Aligned),
            verdict_with("b", 2.0, Category::Technical, Status::Partial),
            verdict_with("c", 5.0, Category::Soft, Status::Missing),
        ];
        let score = score(&skills, 0.5);
        assert_eq!(score.earned, 4.0);
        assert_eq!(score.possible, 10.0);
        assert_eq!(score.percent, 40.0);
        assert_eq!(score.technical.percent, 80.0);
        assert_eq!(score.soft.percent, 0.0);
    }

    #[test]
    fn focus_ranks_by_weight_times_gap() {
        let skills = [
            verdict_with("done", 5.0, Category::Technical, Status::Aligned),
            verdict_with("half-heavy", 5.0, Category::Technical, Status::Partial),
            verdict_with("light-missing", 2.0, Category::Soft, Status::Missing),
            verdict_with("heavy-missing", 4.0, Category::Technical, Status::Missing),
            verdict_with("equal-missing", 2.5, Category::Technical, Status::Missing),
        ];
        let order: Vec<String> = focus_areas(&skills, 0.5)
            .into_iter()
            .map(|f| f.skill_id)
            .collect();
        assert_eq!(
            order,
            [
                "heavy-missing",
                "equal-missing",
                "half-heavy",
                "light-missing"
            ]
        );
    }

    #[test]
    fn empty_profile_part_scores_zero_not_nan() {
        assert_eq!(percent(0.0, 0.0), 0.0);
    }
}
