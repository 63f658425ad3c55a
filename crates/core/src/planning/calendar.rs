//! Which deployment windows and freezes apply to what, and the first day a
//! deployment is allowed.
//!
//! A period applies to a set of changes when it is global, names one of the
//! components they touch, or names a service that depends (directly or
//! through other services) on one of those components. A day is allowed when
//! no applying freeze covers it and, if any windows apply, one of them does.

use chrono::NaiveDate;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::model::{Period, PeriodKind, Scope, Service};

/// The services that depend, directly or through other services, on each
/// component or service id.
#[derive(Debug, Default)]
pub struct Dependants<'a> {
    of: FxHashMap<&'a str, Vec<&'a str>>,
}

impl<'a> Dependants<'a> {
    /// Inverts the services' `depends_on` lists, transitively.
    pub fn of(services: &'a [Service]) -> Dependants<'a> {
        let mut direct: FxHashMap<&str, Vec<&str>> = FxHashMap::default();
        for s in services {
            for d in &s.depends_on {
                direct.entry(d.as_str()).or_default().push(s.id.as_str());
            }
        }
        let mut of: FxHashMap<&str, Vec<&str>> = FxHashMap::default();
        for &item in direct.keys() {
            // Iterative walk; service links may loop, so keep a seen set.
            let mut seen: FxHashSet<&str> = FxHashSet::default();
            let mut stack = vec![item];
            while let Some(x) = stack.pop() {
                for &s in direct.get(x).map_or(&[][..], Vec::as_slice) {
                    if seen.insert(s) {
                        stack.push(s);
                    }
                }
            }
            let mut list: Vec<&str> = seen.into_iter().collect();
            list.sort_unstable();
            of.insert(item, list);
        }
        Dependants { of }
    }

    /// The services depending on `id`, sorted.
    pub fn services(&self, id: &str) -> &[&'a str] {
        self.of.get(id).map_or(&[], Vec::as_slice)
    }
}

/// The periods that apply to one scope: a set of components and the services
/// that depend on them.
#[derive(Debug, Default)]
pub struct Applying<'p> {
    freezes: Vec<&'p Period>,
    windows: Vec<&'p Period>,
}

impl<'p> Applying<'p> {
    /// The periods among `periods` that apply to changes touching `components`.
    pub fn to<'c>(
        periods: &'p [Period],
        dependants: &Dependants<'_>,
        components: impl IntoIterator<Item = &'c str>,
    ) -> Applying<'p> {
        let mut scope: FxHashSet<&str> = FxHashSet::default();
        for c in components {
            scope.insert(c);
            scope.extend(dependants.services(c).iter().copied());
        }
        let applies = |p: &Period| match p.scope {
            Scope::Global => true,
            Scope::Component | Scope::Service => p.scope_id.as_deref().is_some_and(|id| scope.contains(id)),
        };
        let (mut freezes, mut windows) = (Vec::new(), Vec::new());
        for p in periods.iter().filter(|p| applies(p)) {
            match p.kind {
                PeriodKind::Freeze => freezes.push(p),
                PeriodKind::Window => windows.push(p),
            }
        }
        Applying { freezes, windows }
    }

    /// The freezes that apply.
    pub fn freezes(&self) -> &[&'p Period] {
        &self.freezes
    }

    /// The first day on or after `day` when a deployment is allowed; `None`
    /// when windows apply and none is left.
    pub fn first_allowed(&self, mut day: NaiveDate) -> Option<NaiveDate> {
        // Each step moves past one freeze or to one window: bounded.
        for _ in 0..=2 * (self.freezes.len() + self.windows.len()) {
            if let Some(f) = self.freezes.iter().find(|f| f.starts_on <= day && day <= f.ends_on) {
                day = f.ends_on.succ_opt()?;
                continue;
            }
            if self.windows.is_empty() || self.windows.iter().any(|w| w.starts_on <= day && day <= w.ends_on) {
                return Some(day);
            }
            day = self.windows.iter().filter(|w| w.starts_on > day).map(|w| w.starts_on).min()?;
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
    }

    fn period(id: &str, kind: PeriodKind, from: &str, to: &str, scope: Scope, scope_id: Option<&str>) -> Period {
        Period {
            id: id.into(),
            name: id.into(),
            kind,
            starts_on: d(from),
            ends_on: d(to),
            scope,
            scope_id: scope_id.map(Into::into),
        }
    }

    #[test]
    fn freezes_push_past_and_windows_pull_forward() {
        let periods = [
            period("f", PeriodKind::Freeze, "2026-12-18", "2027-01-04", Scope::Global, None),
            period("w1", PeriodKind::Window, "2026-12-10", "2026-12-20", Scope::Global, None),
            period("w2", PeriodKind::Window, "2027-01-03", "2027-01-09", Scope::Global, None),
        ];
        let applying = Applying::to(&periods, &Dependants::default(), []);
        assert_eq!(applying.first_allowed(d("2026-12-01")), Some(d("2026-12-10")));
        assert_eq!(applying.first_allowed(d("2026-12-17")), Some(d("2026-12-17")));
        assert_eq!(applying.first_allowed(d("2026-12-19")), Some(d("2027-01-05")));
        assert_eq!(applying.first_allowed(d("2027-01-10")), None);
    }

    #[test]
    fn a_service_freeze_applies_to_the_components_it_depends_on() {
        let services = [
            Service { id: "pay".into(), name: "Payments".into(), business_owner: None, depends_on: vec!["api".into()] },
            Service { id: "shop".into(), name: "Shop".into(), business_owner: None, depends_on: vec!["pay".into()] },
        ];
        let dependants = Dependants::of(&services);
        assert_eq!(dependants.services("api"), ["pay", "shop"]);
        let periods = [period("f", PeriodKind::Freeze, "2026-12-01", "2026-12-02", Scope::Service, Some("shop"))];
        assert_eq!(Applying::to(&periods, &dependants, ["api"]).freezes().len(), 1);
        assert_eq!(Applying::to(&periods, &dependants, ["db"]).freezes().len(), 0);
    }
}
