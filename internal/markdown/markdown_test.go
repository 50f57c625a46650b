package markdown

import (
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/prayerfeed/prayerfeed/internal/golden"
)

func TestHTML(t *testing.T) {
	base, _ := url.Parse("https://example.org/prayer/")
	src := "Pray for [the team](team/) and [partners](https://partners.example/).\n\n" +
		"<script>alert(1)</script>\n\n" +
		"Inline <img src=x onerror=alert(1)> and [bad](javascript:alert(1)) and ![pic](img/a.png)\n\n" +
		"- *one*\n- **two** https://example.org/linkified\n\n" +
		"[![Logo](https://church.example/logo.png)](https://church.example/)\n"
	got := HTML(src, base)
	golden.Check(t, filepath.Join("testdata", "html.golden"), []byte(got))
	for _, bad := range []string{"<script", "onerror", "javascript:", `href="team/"`, "<img", "logo.png"} {
		if strings.Contains(got, bad) {
			t.Errorf("HTML output contains %q:\n%s", bad, got)
		}
	}
}

func TestText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Plain *words* and [a link](https://x.example/).", "Plain words and a link."},
		{"One\nline broken.\n\nSecond paragraph.", "One line broken.\n\nSecond paragraph."},
		{"- a\n- b", "a\n\nb"},
		{"Code `x < y` here.", "Code x < y here."},
		{"<b>raw</b> html", "raw html"},
		{`Escaped \*stars\*, \[brackets\] and \\ &amp; &#233;t&eacute; &#x263A;`, `Escaped *stars*, [brackets] and \ & été ☺`},
		{"Not escaped: \\q, &nosuchentity; and `code \\* &amp;`", "Not escaped: \\q, &nosuchentity; and code \\* &amp;"},
	}
	for _, tt := range tests {
		if got := Text(tt.in); got != tt.want {
			t.Errorf("Text(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFirstSentence(t *testing.T) {
	tests := []struct {
		in   string
		max  int
		want string
	}{
		{"Praise God for the workshop. Pray for the police.", 80, "Praise God for the workshop"},
		{"Join us in praising God that 11 children are safe! Through three operations", 80, "Join us in praising God that 11 children are safe!"},
		{"Is it 3.5 times? Yes.", 80, "Is it 3.5 times?"},
		{"A very long sentence that goes on and on without any full stop at all", 30, "A very long sentence that…"},
		{"Unbrokenwordthatisfartoolongtofit", 10, "Unbrokenw…"},
		{"", 10, ""},
	}
	for _, tt := range tests {
		if got := FirstSentence(tt.in, tt.max); got != tt.want {
			t.Errorf("FirstSentence(%q, %d) = %q, want %q", tt.in, tt.max, got, tt.want)
		}
	}
}

func TestSpoken(t *testing.T) {
	base, _ := url.Parse("https://example.org/prayer/")
	tests := []struct {
		name  string
		in    string
		want  string
		links []Link
	}{
		{"link keeps its words", "Watch [the video on YouTube](https://youtube.example/v).",
			"Watch the video on YouTube.", []Link{{"the video on YouTube", "https://youtube.example/v"}}},
		{"bare URL dropped", "See <https://example.org/news>.",
			"See.", []Link{{"", "https://example.org/news"}}},
		{"linkified URL dropped", "More at https://example.org/more and www.example.net today.",
			"More at and today.", []Link{{"", "https://example.org/more"}, {"", "http://www.example.net"}}},
		{"URL in brackets", "The report (https://example.org/r) is out.",
			"The report is out.", []Link{{"", "https://example.org/r"}}},
		{"link whose words are its URL", "Read [https://example.org/r](https://example.org/r) now.",
			"Read now.", []Link{{"", "https://example.org/r"}}},
		{"e-mail address", "Write to <prayer@example.org>, please.",
			"Write to, please.", []Link{{"", "mailto:prayer@example.org"}}},
		{"relative link made absolute", "Links may be [relative](bulletins/).",
			"Links may be relative.", []Link{{"relative", "https://example.org/prayer/bulletins/"}}},
		{"unsafe link not listed", "A [bad link](javascript:alert(1)) here.",
			"A bad link here.", nil},
		{"paragraph starting with a URL", "https://example.org/ is our site.\n\nSecond *one*.",
			"is our site.\n\nSecond one.", []Link{{"", "https://example.org/"}}},
		{"ellipsis kept", "He said [...] more. See https://x.example/.",
			"He said [...] more. See.", []Link{{"", "https://x.example/"}}},
		{"no links", "Plain *words*.", "Plain words.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, links := Spoken(tt.in, base)
			if got != tt.want {
				t.Errorf("text %q, want %q", got, tt.want)
			}
			if !slices.Equal(links, tt.links) {
				t.Errorf("links %q, want %q", links, tt.links)
			}
		})
	}
}
