package alerts

import "testing"

func TestChangesReadForPeople(t *testing.T) {
	got := Changes([]string{"deal.status: in_talks -> announced", "deal.amount: none -> $1.5 billion", "chip_policy.chips: added H20", "odd entry"})
	want := []string{"status: in talks → announced", "amount: none → $1.5 billion", "chips: added H20", "odd entry"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("Changes[%d] = %q, want %q", i, got[i], want[i])
		}
	}
}
