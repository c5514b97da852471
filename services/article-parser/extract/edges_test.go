package extract

import "testing"

func TestTrimEdges(t *testing.T) {
	body := "The plant will add 400 jobs over three years, officials said on Monday."
	tests := map[string]struct{ in, want string }{
		"breadcrumb byline date": {
			"Home > Local News\n\nBy HAROLD P. BENNING, Gazette Staff Writer\n\nPublished 3/11/2025\n\n" + body, body},
		"byline with place": {"By Jane Doe and John Roe in Taipei\n\n" + body, body},
		"sign-offs":         {body + "\n\n(Reporting by Jane Doe; Editing by John Roe)\n\n###", body},
		"copyright":         {body + "\n\nCopyright © 2025 Tri-County Gazette. All rights reserved.", body},
		"editor":            {body + "\n\n责任编辑：周敏", body},
		"body opening with By": {
			"By Monday, officials said the plant would close.\n\n" + body,
			"By Monday, officials said the plant would close.\n\n" + body},
		"body opening with a year": {"By 2030 the region wants ten plants.\n\n" + body, "By 2030 the region wants ten plants.\n\n" + body},
		"single paragraph kept":    {"Copyright © 2025 Gazette.", "Copyright © 2025 Gazette."},
	}
	for name, tc := range tests {
		if got := trimEdges(tc.in); got != tc.want {
			t.Errorf("%s: got %q, want %q", name, got, tc.want)
		}
	}
}
