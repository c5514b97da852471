package gazetteer

import (
	"errors"
	"strings"
	"testing"
)

func TestDefaultLoads(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"深度求索": "DeepSeek", "腾讯": "Tencent", "阿里巴巴": "Alibaba",
		"月之暗面": "Moonshot AI", "智谱": "Zhipu AI", "H200": "H200", "BIS": "US Commerce Department"}
	got := map[string]string{}
	for _, a := range g.Aliases() {
		got[a.Text] = g.Entries[a.Entry].Name
	}
	for alias, name := range want {
		if got[alias] != name {
			t.Errorf("alias %s -> %q, want %q", alias, got[alias], name)
		}
	}
}

func TestParseErrorsNameLine(t *testing.T) {
	tests := map[string]struct{ in, want string }{
		"bad kind":        {"- {name: A, kind: ai_company}\n- {name: B, kind: robot}\n", "line 2"},
		"no jurisdiction": {"- {name: X, kind: government}\n", "needs a jurisdiction"},
		"not a list":      {"name: A\n", "want a list"},
		"bad type":        {"- name: A\n  kind: chip\n  aliases: 3\n", "line 1"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			_, err := Parse([]byte(tc.in))
			if err == nil || !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want %q", err, tc.want)
			}
		})
	}
}

func TestAcronymsExact(t *testing.T) {
	for s, want := range map[string]bool{"US": true, "U.S.": true, "BIS": true, "Nvidia": false, "深度求索": false, "TSMC": true, "Alibaba Group": false} {
		if isAcronym(s) != want {
			t.Errorf("isAcronym(%q) = %v", s, !want)
		}
	}
}
