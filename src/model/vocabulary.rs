//! The keyword vocabularies of the format (DOMAIN.md §2, §3, §6).

use super::keyword::keyword_enum;

keyword_enum! {
    /// Lean value class of a step (DOMAIN.md §3).
    ValueClass, "value class", "value classes" {
        /// The customer would pay for it.
        ValueAdding => "value-adding",
        /// Required by regulation or policy.
        Necessary => "necessary",
        /// Neither: a candidate for removal.
        Waste => "waste",
    }
}

keyword_enum! {
    /// Service category (seed 004, DOMAIN.md §6).
    ServiceCategory, "service category", "service categories" {
        /// Must never fail: failing it enrages everyone.
        Basic => "basic",
        /// What the industry is expected to offer.
        Standard => "standard",
        /// Nice-to-have perks for high-value customers.
        Extended => "extended",
        /// Personal touches.
        Emotional => "emotional",
    }
}

keyword_enum! {
    /// Fail-point type (Chase & Stewart 1994, DOMAIN.md §2).
    FailureType, "fail-point type", "fail-point types" {
        /// Server error: doing the work wrong.
        Task => "task",
        /// Server error: how the customer is treated.
        Treatment => "treatment",
        /// Server error: environment, documents, equipment.
        Tangible => "tangible",
        /// Customer error before the encounter.
        Preparation => "preparation",
        /// Customer error during the encounter.
        Encounter => "encounter",
        /// Customer error after the encounter.
        Resolution => "resolution",
    }
}

keyword_enum! {
    /// Service-recovery strategies (seed 000, DOMAIN.md §2).
    RecoveryStrategy, "recovery strategy", "recovery strategies" {
        Compensation => "compensation",
        ManagerIntervention => "manager-intervention",
        Apology => "apology",
        ProvideInformation => "provide-information",
        QuickCorrectiveAction => "quick-corrective-action",
        CaringAttitude => "caring-attitude",
    }
}
