// Package quality measures the classifier against a labelled corpus:
// precision, recall and F1 per topic, and the share of expected facts
// found, scored leniently (names as set overlap, amounts within 10%,
// jurisdictions as set overlap).
package quality

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"
)

// Item is one labelled article of a corpus (JSON Lines, one per line).
type Item struct {
	ID        string   `json:"id"`
	Title     string   `json:"title"`
	Summary   string   `json:"summary"`
	Text      string   `json:"text,omitempty"`
	URL       string   `json:"url"`
	Source    string   `json:"source"`
	Published string   `json:"published"`
	Labels    []string `json:"labels"`
	Expect    Expect   `json:"expect"`
	Note      string   `json:"note"`
}

// Expect holds the facts a reader would extract.
type Expect struct {
	DealType         string   `json:"deal_type,omitempty"`
	Investors        []string `json:"investors,omitempty"`
	Target           string   `json:"target,omitempty"`
	AmountUSD        *float64 `json:"amount_usd,omitempty"`
	ValuationUSD     *float64 `json:"valuation_usd,omitempty"`
	Jurisdictions    []string `json:"jurisdictions,omitempty"`
	Action           string   `json:"action,omitempty"`
	ChipsOrCompanies []string `json:"chips_or_companies,omitempty"`
}

// Borderline reports whether the item's note marks it as a borderline call.
func (it Item) Borderline() bool { return strings.Contains(it.Note, "BORDERLINE") }

// Has reports whether the item carries label.
func (it Item) Has(label string) bool {
	for _, l := range it.Labels {
		if l == label {
			return true
		}
	}
	return false
}

// Load reads a JSON Lines corpus.
func Load(path string) ([]Item, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("quality: open corpus: %w", err)
	}
	defer f.Close()
	var items []Item
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	line := 0
	for sc.Scan() {
		line++
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var it Item
		if err := json.Unmarshal(sc.Bytes(), &it); err != nil {
			return nil, fmt.Errorf("quality: %s line %d: %w", path, line, err)
		}
		items = append(items, it)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("quality: read %s: %w", path, err)
	}
	return items, nil
}
