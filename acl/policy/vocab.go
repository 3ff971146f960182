package policy

import (
	"slices"
	"sort"
	"strings"
	"unicode"
)

// DPVNamespace is the IRI the "dpv:" prefix stands for: the W3C Data
// Privacy Vocabulary.
const DPVNamespace = "https://w3id.org/dpv#"

// purposes is the part of the DPV purpose taxonomy pdx accepts, each term
// with its broader DPV purposes (skos:broader), so that permitting a purpose
// permits the narrower ones under it: a policy that permits
// dpv:ResearchAndDevelopment permits a read for dpv:CommercialResearch.
// The list is documented in docs/policy.md; a term outside it is refused,
// so a typing mistake cannot become a purpose no proxy ever matches.
var purposes = map[string][]string{
	"AccountManagement":              nil,
	"CommunicationManagement":        nil,
	"CustomerManagement":             nil,
	"CustomerCare":                   {"CustomerManagement"},
	"CustomerRelationshipManagement": {"CustomerManagement"},
	"CustomerOrderManagement":        {"CustomerManagement"},
	"EnforceSecurity":                nil,
	"FraudPreventionAndDetection":    {"EnforceSecurity"},
	"IdentityVerification":           {"EnforceSecurity"},
	"HumanResourceManagement":        nil,
	"LegalCompliance":                nil,
	"Marketing":                      nil,
	"Advertising":                    {"Marketing"},
	"DirectMarketing":                {"Marketing"},
	"SocialMediaMarketing":           {"Marketing"},
	"PublicRelations":                {"Marketing"},
	"OrganisationGovernance":         nil,
	"Personalisation":                nil,
	"PersonalisedAdvertising":        {"Personalisation", "Advertising"},
	"ServicePersonalisation":         {"Personalisation", "ServiceProvision"},
	"RecordManagement":               nil,
	"ResearchAndDevelopment":         nil,
	"AcademicResearch":               {"ResearchAndDevelopment"},
	"CommercialResearch":             {"ResearchAndDevelopment"},
	"NonCommercialResearch":          {"ResearchAndDevelopment"},
	"ServiceProvision":               nil,
	"ServiceOptimisation":            {"ServiceProvision"},
	"OptimisationForConsumer":        {"ServiceOptimisation"},
	"OptimisationForController":      {"ServiceOptimisation"},
	"ServiceUsageAnalytics":          {"ServiceProvision"},
	"ServiceRegistration":            {"ServiceProvision"},
	"PaymentManagement":              {"ServiceProvision"},
	"DeliveryOfGoods":                {"ServiceProvision"},
	"SellProducts":                   {"ServiceProvision"},
	"SellDataToThirdParties":         {"SellProducts"},
	"SellInsightsFromData":           {"SellProducts"},
}

// Purposes lists the DPV purposes pdx accepts, as "dpv:" terms, sorted.
func Purposes() []string {
	out := make([]string, 0, len(purposes))
	for p := range purposes {
		out = append(out, "dpv:"+p)
	}
	sort.Strings(out)
	return out
}

// normPurpose turns a purpose as a person or a document names it — a
// "dpv:" term, the full IRI, or the bare term — into its "dpv:" term, and
// reports whether the vocabulary has it.
func normPurpose(s string) (string, bool) {
	s = strings.TrimSpace(s)
	switch {
	case strings.HasPrefix(s, DPVNamespace):
		s = strings.TrimPrefix(s, DPVNamespace)
	case strings.HasPrefix(s, "dpv:"):
		s = strings.TrimPrefix(s, "dpv:")
	}
	_, ok := purposes[s]
	return "dpv:" + s, ok
}

// within reports whether purpose term p is q or narrower than q.
func within(p, q string) bool {
	if p == q {
		return true
	}
	for _, b := range purposes[p] {
		if within(b, q) {
			return true
		}
	}
	return false
}

// purposeWords is a purpose term in plain words: dpv:ResearchAndDevelopment
// is "research and development".
func purposeWords(term string) string {
	t := strings.TrimPrefix(term, "dpv:")
	var b strings.Builder
	for i, r := range t {
		if i > 0 && unicode.IsUpper(r) {
			b.WriteByte(' ')
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// actions are the ODRL 2.2 actions a pdx policy may permit or prohibit,
// each with the words pdx shows it in. "distribute" is sharing with third
// parties and "sell" is resale: the words a person reads, the terms a
// machine does.
var actions = map[string]string{
	"use":        "use",
	"read":       "read",
	"display":    "display",
	"aggregate":  "aggregate with other data",
	"anonymize":  "anonymise",
	"derive":     "derive new data from it",
	"modify":     "modify",
	"reproduce":  "copy",
	"distribute": "share with third parties",
	"sell":       "resell",
	"archive":    "archive",
	"index":      "index",
}

// actionOrder is the order Describe names actions in: from the least the
// grantee may do with the data to the most.
var actionOrder = []string{"read", "display", "use", "index", "archive", "aggregate", "anonymize", "modify", "derive", "reproduce", "distribute", "sell"}

// inOrder returns actions in actionOrder.
func inOrder(as []string) []string {
	out := make([]string, 0, len(as))
	for _, a := range actionOrder {
		if slices.Contains(as, a) {
			out = append(out, a)
		}
	}
	return out
}

// Actions lists the ODRL actions a policy may name, sorted.
func Actions() []string {
	out := make([]string, 0, len(actions))
	for a := range actions {
		out = append(out, a)
	}
	sort.Strings(out)
	return out
}

// ActionWords is an action in the words pdx shows it in ("sell" is
// "resell"); an unknown action is returned as it is.
func ActionWords(a string) string {
	if w, ok := actions[a]; ok {
		return w
	}
	return a
}
