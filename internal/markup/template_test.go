package markup

import (
	"html/template"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
	"github.com/prayerfeed/prayerfeed/internal/corpus"
	"github.com/prayerfeed/prayerfeed/internal/load"
	"github.com/prayerfeed/prayerfeed/internal/markdown"
	"github.com/prayerfeed/prayerfeed/internal/words"
)

// The Writer's points, written by html/template instead: the twin that
// TestSameAsTemplatePoints holds it to, and that BenchmarkPoints times it
// against, to tell whether writing HTML by hand is worth its code.

var pointTemplate = template.Must(template.New("point").Parse(`<article class="point" id="{{.Anchor}}">
<h3>{{.Title}} <a class="anchor" href="#{{.Anchor}}" aria-label="Link to this point">#</a></h3>
<p class="kind">{{.Kind}}</p>
{{.Body}}
{{- if .Events}}
<ul class="events">
{{- range .Events}}
<li class="event{{if .Cancelled}} cancelled"><del>{{else}}">{{end}}
<strong>{{.Kind}}{{with .Status}} <span class="status">({{.}})</span>{{end}}:</strong> {{.Title}}{{if .Cancelled}}</del>{{end}}
<br><time>{{.When}}</time>{{with .Location}}<br>{{.}}{{end}}
{{- with .Update}}
<br><em class="update">Since updated: {{.}}.</em>{{end}}
{{- with .URL}}
<br><a href="{{.}}">More about it</a>{{end}}
{{- if .ICS}}
<br><span class="add">Add to calendar: {{with .Google}}<a href="{{.}}" rel="nofollow">Google</a> · {{end}}{{with .Outlook}}<a href="{{.}}" rel="nofollow">Outlook</a> · {{end}}<a href="{{.ICS}}" download>{{.ICSLabel}}</a></span>{{end}}
</li>
{{- end}}
</ul>
{{- end}}
</article>`))

type pointView struct {
	Anchor, Title, Kind string
	Body                template.HTML
	Events              []eventView
}

type eventView struct {
	Kind, Status, Title, When, Location, Update, URL string
	Cancelled                                        bool
	Google, Outlook, ICS, ICSLabel                   string
}

// pointViaTemplate writes pt as Writer.Point does, with html/template.
func pointViaTemplate(t testing.TB, w *Writer, pt *bulletin.Point) string {
	v := pointView{Anchor: pt.ID, Title: pt.Title, Kind: pt.Kind.Label(words.English), Body: template.HTML(w.Markdown.HTML(pt.Body))}
	for _, e := range pt.Events {
		latest := e
		if tr := w.Tracked[e.ID]; tr != nil {
			latest = tr.Event
		}
		ev := eventView{Kind: e.Kind.Label(words.English), Status: e.StatusLabel(), Title: e.Title, When: e.When(), Location: e.Location,
			URL: e.URL, Cancelled: e.Status == bulletin.Cancelled}
		if latest != e && latest.Point.Bulletin.ID != e.Point.Bulletin.ID {
			parts := []string{latest.When()}
			if l := latest.StatusLabel(); l != "" {
				parts = append([]string{l}, parts...)
			}
			if latest.Location != "" {
				parts = append(parts, latest.Location)
			}
			ev.Update = strings.Join(parts, ", ")
		}
		if latest.Status != bulletin.Cancelled && !latest.LastDay().Before(latest.Today(w.Now)) {
			details := Details(w.Site, latest, w.Markdown.Text(latest.Point.Body))
			if googleAdds(latest) {
				ev.Google = googleEvent(latest, details)
			}
			if outlookAdds(latest) {
				ev.Outlook = outlookEvent(latest, details)
			}
			ev.ICS, ev.ICSLabel = w.Root+bulletin.EventPath(latest), icsLabel(words.English, latest)
		}
		v.Events = append(v.Events, ev)
	}
	var b strings.Builder
	if err := pointTemplate.Execute(&b, v); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// points loads the bulletins of the folder dir and returns a writer for
// their site, as pages use it, and every published point.
func points(t testing.TB, dir string) (*Writer, []*bulletin.Point) {
	t.Helper()
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	site, all, errs := load.Dir(root.FS(), "bulletins")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	pub := bulletin.Public(all, time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC))
	w := &Writer{Site: site, Tracked: bulletin.ByID(bulletin.Track(pub)), Markdown: markdown.NewCache(site.BaseURL), Root: site.BaseURL.Path}
	var pts []*bulletin.Point
	for _, b := range pub {
		pts = append(pts, b.Points...)
	}
	return w, pts
}

// TestSameAsTemplatePoints checks that the Writer writes every point of
// the sample, the test site (with hostile text) and a generated corpus
// byte for byte as html/template does.
func TestSameAsTemplatePoints(t *testing.T) {
	gen := filepath.Join(t.TempDir(), "bulletins")
	if err := corpus.Write(gen, 60, 4, 1); err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{filepath.Join("..", "..", "bulletins"), filepath.Join("..", "build", "testdata", "site", "bulletins"), gen} {
		w, pts := points(t, dir)
		for _, pt := range pts {
			w.Reset()
			w.Point(pt, pt.ID)
			if got, want := w.String(), pointViaTemplate(t, w, pt); got != want {
				t.Errorf("%s, point %s:\n got %s\nwant %s", dir, pt.ID, got, want)
			}
		}
	}
}

// BenchmarkPoints writes every point of 1,000 generated bulletins, as
// every build does about three times (a page and two feed archives): by
// hand, and with html/template.
func BenchmarkPoints(b *testing.B) {
	dir := filepath.Join(b.TempDir(), "bulletins")
	if err := corpus.Write(dir, 1000, 8, 1); err != nil {
		b.Fatal(err)
	}
	w, pts := points(b, dir)
	for _, pt := range pts {
		w.Markdown.HTML(pt.Body) // render the Markdown once, outside the timing
		w.Markdown.Text(pt.Body)
	}
	b.Run("writer", func(b *testing.B) {
		for b.Loop() {
			for _, pt := range pts {
				w.Reset()
				w.Point(pt, pt.ID)
			}
		}
	})
	b.Run("template", func(b *testing.B) {
		for b.Loop() {
			for _, pt := range pts {
				pointViaTemplate(b, w, pt)
			}
		}
	})
}
