// Package audit checks a built site as its readers will find it: every
// feed and calendar parses, no feed or calendar holds an ID twice, and
// every link from a feed or calendar into the site leads to a file that
// is there, and to an anchor that is on its page.
package audit

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"html"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/prayerfeed/prayerfeed/internal/ical"
)

// Site checks the site built into dir, published at base, and returns
// every problem, as "path: message", sorted.
func Site(dir string, base *url.URL) ([]string, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	a := &auditor{root: root, base: base, dir: dir}
	err = fs.WalkDir(root.FS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		switch ext := path.Ext(p); {
		case ext == ".atom" || ext == ".rss":
			a.feedXML(p)
		case ext == ".json" && strings.HasPrefix(p, "feeds/"):
			a.feedJSON(p)
		case ext == ".ics":
			a.calendar(p)
		}
		return nil
	})
	slices.Sort(a.problems)
	return a.problems, err
}

type auditor struct {
	root     *os.Root
	base     *url.URL
	dir      string
	problems []string
	pages    map[string][]byte
}

func (a *auditor) problem(p, format string, args ...any) {
	a.problems = append(a.problems, filepath.Join(a.dir, filepath.FromSlash(p))+": "+fmt.Sprintf(format, args...))
}

// xmlFeed holds what is checked of an Atom or RSS document.
type xmlFeed struct {
	AtomIDs      []string   `xml:"entry>id"`
	AtomLinks    []atomLink `xml:"entry>link"`
	AtomFeedLink []atomLink `xml:"link"`
	AtomContent  []string   `xml:"entry>content"`
	RSSIDs       []string   `xml:"channel>item>guid"`
	RSSLinks     []string   `xml:"channel>item>link"`
	RSSContent   []string   `xml:"http://purl.org/rss/1.0/modules/content/ encoded"`
	Enclosures   []struct {
		URL string `xml:"url,attr"`
	} `xml:"channel>item>enclosure"`
	Transcripts []struct {
		URL string `xml:"url,attr"`
	} `xml:"https://podcastindex.org/namespace/1.0 transcript"`
}

// hrefRE finds the links of HTML content.
var hrefRE = regexp.MustCompile(`(?:href|src)="([^"]+)"`)

// contentLinks returns every href and src of HTML fragments.
func contentLinks(fragments []string) []string {
	var links []string
	for _, f := range fragments {
		for _, m := range hrefRE.FindAllStringSubmatch(f, -1) {
			links = append(links, html.UnescapeString(m[1]))
		}
	}
	return links
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
}

func (a *auditor) feedXML(p string) {
	data, err := a.root.ReadFile(p)
	if err != nil {
		a.problem(p, "%v", err)
		return
	}
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	for {
		if _, err := dec.Token(); err == io.EOF {
			break
		} else if err != nil {
			a.problem(p, "not well-formed XML: %v", err)
			return
		}
	}
	var f xmlFeed
	if err := xml.Unmarshal(data, &f); err != nil {
		a.problem(p, "%v", err)
		return
	}
	a.unique(p, append(f.AtomIDs, f.RSSIDs...))
	links := f.RSSLinks
	for _, l := range append(f.AtomLinks, f.AtomFeedLink...) {
		if l.Rel != "hub" {
			links = append(links, l.Href)
		}
	}
	for _, e := range f.Enclosures {
		links = append(links, e.URL)
	}
	for _, tr := range f.Transcripts {
		links = append(links, tr.URL)
	}
	links = append(links, contentLinks(append(f.AtomContent, f.RSSContent...))...)
	a.links(p, links)
}

func (a *auditor) feedJSON(p string) {
	data, err := a.root.ReadFile(p)
	if err != nil {
		a.problem(p, "%v", err)
		return
	}
	var f struct {
		Version string `json:"version"`
		Items   *[]struct {
			ID      any    `json:"id"`
			URL     string `json:"url"`
			Content string `json:"content_html"`
		} `json:"items"`
	}
	if err := json.Unmarshal(data, &f); err != nil {
		a.problem(p, "not JSON: %v", err)
		return
	}
	if f.Version != "https://jsonfeed.org/version/1.1" || f.Items == nil {
		a.problem(p, "not a JSON Feed 1.1 document")
		return
	}
	var ids, links []string
	for _, it := range *f.Items {
		id, ok := it.ID.(string)
		if !ok {
			a.problem(p, "item id %v is not a string", it.ID)
		}
		ids = append(ids, id)
		links = append(links, it.URL)
		links = append(links, contentLinks([]string{it.Content})...)
	}
	a.unique(p, ids)
	a.links(p, links)
}

func (a *auditor) calendar(p string) {
	data, err := a.root.ReadFile(p)
	if err != nil {
		a.problem(p, "%v", err)
		return
	}
	if bytes.Contains(bytes.ReplaceAll(data, []byte("\r\n"), nil), []byte("\n")) {
		a.problem(p, "a line does not end in CRLF")
	}
	uids, urls, err := ical.Read(bytes.NewReader(data))
	if err != nil {
		a.problem(p, "does not parse: %v", err)
		return
	}
	a.unique(p, uids)
	a.links(p, urls)
}

func (a *auditor) unique(p string, ids []string) {
	seen := map[string]bool{}
	for _, id := range ids {
		if seen[id] {
			a.problem(p, "id %s appears twice", id)
		}
		seen[id] = true
	}
}

// links checks that every link into the site leads to a file there, and
// a fragment to an element with that id.
func (a *auditor) links(p string, links []string) {
	prefix := a.base.String()
	for _, l := range links {
		if !strings.HasPrefix(l, prefix) {
			continue
		}
		u, err := url.Parse(l)
		if err != nil {
			a.problem(p, "link %s: %v", l, err)
			continue
		}
		name := strings.TrimPrefix(u.Path, a.base.Path)
		if name == "" || strings.HasSuffix(name, "/") {
			name += "index.html"
		}
		data, err := a.page(name)
		if err != nil {
			a.problem(p, "link %s leads to no file", l)
			continue
		}
		if u.Fragment != "" && !bytes.Contains(data, []byte(`id="`+u.Fragment+`"`)) {
			a.problem(p, "link %s leads to no element with id %q", l, u.Fragment)
		}
	}
}

func (a *auditor) page(name string) ([]byte, error) {
	if a.pages == nil {
		a.pages = map[string][]byte{}
	}
	if data, ok := a.pages[name]; ok {
		return data, nil
	}
	data, err := a.root.ReadFile(name)
	if err == nil {
		a.pages[name] = data
	}
	return data, err
}
