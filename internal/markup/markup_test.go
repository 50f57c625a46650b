package markup

import (
	"html/template"
	"strings"
	"testing"

	_ "github.com/prayerfeed/prayerfeed/internal/golden"
)

var tmpl = template.Must(template.New("").Parse(`<p>{{.}}</p><a title="{{.}}" href="{{.}}">x</a><a href="#{{.}}">y</a>`))

// viaTemplate writes s as html/template does in text, a title and an href.
func viaTemplate(t *testing.T, s string) string {
	var b strings.Builder
	if err := tmpl.Execute(&b, s); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func viaWriter(s string) string {
	var w Writer
	w.Raw("<p>")
	w.Text(s)
	w.Raw(`</p><a title="`)
	w.Text(s)
	w.Raw(`" href="`)
	w.URL(s)
	w.Raw(`">x</a><a href="#`)
	w.URLPart(s)
	w.Raw(`">y</a>`)
	return w.String()
}

var samples = []string{
	"", "plain", `<script>alert("x") & 'y'</script>`, "a+b", "\x00nul",
	"https://example.org/a b?q=1&r=é#frag", "javascript:alert(1)", "JavaScript:x", "mailto:a@example.org",
	"/local/path", "#anchor", "httpſ://example.org/", "HTTPS://EXAMPLE.ORG/", "data:text/html,x", "tel:+123", "rel/a:b", "100%", "(x)", "\xff invalid",
}

// TestSameAsTemplate checks that the Writer escapes as html/template.
func TestSameAsTemplate(t *testing.T) {
	for _, s := range samples {
		if got, want := viaWriter(s), viaTemplate(t, s); got != want {
			t.Errorf("%q:\n got %s\nwant %s", s, got, want)
		}
	}
}

func FuzzSameAsTemplate(f *testing.F) {
	for _, s := range samples {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := viaWriter(s), viaTemplate(t, s); got != want {
			t.Errorf("%q:\n got %s\nwant %s", s, got, want)
		}
	})
}
