package events

// Deal types (ai_investment).
const (
	DealFundingRound        = "funding_round"
	DealStrategicInvestment = "strategic_investment"
	DealJointInvestment     = "joint_investment"
	DealAcquisition         = "acquisition"
	DealIPO                 = "ipo"
	DealOther               = "other"
)

// Deal statuses.
const (
	DealRumoured  = "reported"
	DealInTalks   = "in_talks"
	DealAnnounced = "announced"
	DealCompleted = "completed"
	DealCalledOff = "called_off"
)

// Chip-policy actions.
const (
	ActionExportControl   = "export_control"
	ActionLicenceApproval = "licence_approval"
	ActionEntityList      = "entity_list"
	ActionBan             = "ban"
	ActionTariff          = "tariff"
	ActionSubsidy         = "subsidy"
	ActionInvestigation   = "investigation"
	ActionEnforcement     = "enforcement"
	ActionOther           = "other"
)

// Chip-policy statuses.
const (
	PolicyProposed               = "proposed"
	PolicyInForce                = "in_force"
	PolicyApprovedWithConditions = "approved_with_conditions"
	PolicyRelaxed                = "relaxed"
	PolicyReversed               = "reversed"
)

// Investor roles.
const (
	RoleLead        = "lead"
	RoleParticipant = "participant"
	RoleUnspecified = "unspecified"
)

// Facts are the typed facts of one topic. Exactly one of Deal and ChipPolicy
// is set for the two shipped topics; user-defined topics may carry neither.
type Facts struct {
	Deal       *DealFacts       `json:"deal,omitempty"`
	ChipPolicy *ChipPolicyFacts `json:"chip_policy,omitempty"`
}

// DealFacts describe an ai_investment capital event.
type DealFacts struct {
	Type      string     `json:"type"`
	Status    string     `json:"status"`
	Round     string     `json:"round,omitempty"`
	Investors []Investor `json:"investors,omitempty"`
	Target    string     `json:"target,omitempty"`
	Amount    *Money     `json:"amount,omitempty"`
	Valuation *Money     `json:"valuation,omitempty"`
}

// Investor is a party putting money into the deal.
type Investor struct {
	Name string `json:"name"`
	Role string `json:"role"`
}

// Money is an amount as written and normalised to US dollars.
type Money struct {
	// Text is the amount as it appears in the source ("1.5 billion yuan").
	Text string `json:"text"`
	// Value is the numeric amount in Currency (1.5e9).
	Value    float64 `json:"value"`
	Currency string  `json:"currency"`
	// USD is Value converted with the configured rates table.
	USD float64 `json:"usd"`
}

// ChipPolicyFacts describe a government action on chips or chip tools.
type ChipPolicyFacts struct {
	// Jurisdictions lists the acting government(s) first, then the target.
	Jurisdictions []string `json:"jurisdictions"`
	Action        string   `json:"action"`
	Status        string   `json:"status"`
	Chips         []string `json:"chips,omitempty"`
	Companies     []string `json:"companies,omitempty"`
}

// Evidence ties a fact to the sentence that supports it. Start and End are
// character (Unicode code point) offsets of the sentence in the article's
// "title\n\ntext" document.
type Evidence struct {
	// Fact names the fact supported, as a path: "deal.target",
	// "deal.investors", "deal.valuation", "chip_policy.action", "topic".
	Fact     string `json:"fact"`
	Sentence string `json:"sentence"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	// URL of the article the sentence comes from (set on alerts, whose
	// evidence may come from several sources).
	URL string `json:"url,omitempty"`
}
