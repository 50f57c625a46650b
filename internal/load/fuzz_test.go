package load_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
	"github.com/prayerfeed/prayerfeed/internal/feed"
	"github.com/prayerfeed/prayerfeed/internal/load"
	"github.com/prayerfeed/prayerfeed/internal/script"
)

// FuzzLoad loads an arbitrary site.yaml and bulletin file. It must never panic; every
// problem must have the file:line:col: shape; and a bulletin that loads
// cleanly must render into well-formed feeds, the podcast feed among
// them, and UTF-8 scripts.
func FuzzLoad(f *testing.F) {
	site := []byte(siteYAML)
	f.Add(site, []byte(goodBulletin))
	f.Add(site, []byte(goodBulletin+event+"        start: \"2026-11-30 09:00\"\n        end: \"12:00\"\n        repeat:\n          every: 2 weeks\n          until: 2027-01-31\n          except: [2026-12-28]\n"))
	f.Add(site, []byte(goodBulletin+event+"        date: 2026-11-30\n        until: 2026-12-02\n        status: cancelled\n"))
	f.Add([]byte(siteYAML+"feed_limit: 1\nhub: https://hub.example/\nid_domain: example.org\n"), []byte(goodBulletin))
	f.Add([]byte(""), []byte(goodBulletin))
	f.Add([]byte(siteYAML+podcastYAML), []byte(strings.Replace(goodBulletin, "items:", audioYAML+"items:", 1)))
	files, _ := filepath.Glob(filepath.Join("..", "..", "bulletins", "*", "*.yaml"))
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(site, data)
	}
	f.Fuzz(func(t *testing.T, site, data []byte) {
		fsys := fstest.MapFS{
			"site.yaml":   {Data: site},
			"2026/b.yaml": {Data: data},
		}
		s, bs, errs := load.Dir(fsys, "bulletins")
		verrs, warns := bulletin.ValidateAll(s, bs, now)
		errs.Append(verrs)
		for _, e := range append(errs, warns...) {
			if !errorShape.MatchString(e.Error()) {
				t.Fatalf("problem without a position: %q", e.Error())
			}
		}
		if len(errs) > 0 {
			return
		}
		public := bulletin.Public(bs, now)
		if p := feed.BuildPodcast(s, public, bulletin.Track(public), now); p != nil {
			var buf bytes.Buffer
			if err := feed.EncodePodcast(&buf, p); err != nil {
				t.Fatal(err)
			}
			if err := wellFormed(buf.Bytes()); err != nil {
				t.Fatalf("the podcast feed is not well-formed XML: %v\n%s", err, buf.Bytes())
			}
		}
		for _, b := range public {
			for _, data := range [][]byte{script.Text(s, b, nil), script.Markdown(s, b, nil)} {
				if !utf8.Valid(data) {
					t.Fatalf("the script of %s is not UTF-8:\n%q", b.ID, data)
				}
			}
		}
		set := feed.Build(s, public, bulletin.Track(public), s.Diary(public, now), now)
		for _, f := range set.Every() {
			for _, enc := range []func(io.Writer, *feed.Feed) error{feed.EncodeAtom, feed.EncodeRSS} {
				var buf bytes.Buffer
				if err := enc(&buf, f); err != nil {
					t.Fatal(err)
				}
				if err := wellFormed(buf.Bytes()); err != nil {
					t.Fatalf("feed %s is not well-formed XML: %v\n%s", f.Name, err, buf.Bytes())
				}
			}
			var buf bytes.Buffer
			if err := feed.EncodeJSON(&buf, f); err != nil {
				t.Fatal(err)
			}
			if !json.Valid(buf.Bytes()) {
				t.Fatalf("feed %s is not valid JSON:\n%s", f.Name, buf.Bytes())
			}
		}
	})
}

// wellFormed decodes every token of an XML document strictly.
func wellFormed(data []byte) error {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	for {
		_, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}
