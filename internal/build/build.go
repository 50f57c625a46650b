// Package build is prayerfeed's pipeline: load the source folder, validate
// it, render every output in memory, and write the outputs that changed.
// Nothing is written when any step reports a problem.
package build

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"io/fs"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
	"github.com/prayerfeed/prayerfeed/internal/feed"
	"github.com/prayerfeed/prayerfeed/internal/ical"
	"github.com/prayerfeed/prayerfeed/internal/load"
	"github.com/prayerfeed/prayerfeed/internal/markdown"
	"github.com/prayerfeed/prayerfeed/internal/page"
)

// A File is one rendered output.
type File struct {
	Path      string // slash-separated, relative to the output folder
	MediaType string
	Data      []byte
}

// An Output is one row of the table of what a build produces: one file, or
// one per region, per bulletin or per year.
type Output struct {
	Path      string // the path, or a pattern such as "feeds/<region>.atom"
	MediaType string
	// Render renders the row's files in a part of the site: those of the
	// part's year for a row that is ByYear, and all of them for another.
	Render func(s *Site, p *Part) ([]File, error)
	// ByYear marks a row whose files each belong to one year of the
	// history, which a build renders a year at a time, so that it never
	// holds more than a few years' worth.
	ByYear bool
}

// A Part is the share of a site that one call of a row's Render renders:
// the whole site, or one year of it.
type Part struct {
	Year      int                  // 0 for the whole site
	Bulletins []*bulletin.Bulletin // published in the part's year, or all; newest first
	// Text renders Markdown once for every row that renders the part:
	// a point is on its bulletin's page, in feeds and in scripts.
	Text *markdown.Cache

	scripts sync.Map // *bulletin.Bulletin → *onceScript, for both rows of scripts
}

// All renders every file of the row, in one part or a part a year.
func (o Output) All(s *Site) ([]File, error) {
	var files []File
	for _, p := range s.split(o.ByYear) {
		fs, err := o.Render(s, p)
		if err != nil {
			return nil, err
		}
		files = append(files, fs...)
	}
	return files, nil
}

// split returns the parts of the site: one a year, newest first, for rows
// that are ByYear, or the whole.
func (s *Site) split(byYear bool) []*Part {
	if !byYear {
		return []*Part{{Bulletins: s.Bulletins, Text: markdown.NewCache(s.BaseURL)}}
	}
	var years []int
	for _, b := range s.Bulletins {
		years = append(years, b.Date.Year())
	}
	for _, a := range s.Feeds().Archives {
		years = append(years, a.Archive.Year)
	}
	slices.Sort(years)
	years = slices.Compact(years)
	slices.Reverse(years)
	parts := make([]*Part, len(years))
	for i, y := range years {
		parts[i] = &Part{Year: y, Text: markdown.NewCache(s.BaseURL)}
	}
	for _, b := range s.Bulletins {
		i, _ := slices.BinarySearchFunc(parts, b.Date.Year(), func(p *Part, y int) int { return y - p.Year })
		parts[i].Bulletins = append(parts[i].Bulletins, b)
	}
	return parts
}

// A Site is a loaded, validated site, as the renderers see it.
type Site struct {
	*bulletin.Site
	Bulletins []*bulletin.Bulletin // published, newest first
	Now       time.Time            // the build's clock
	// Previous is the manifest of the site as last published, if known:
	// no event's SEQUENCE goes below what it says.
	Previous *Manifest

	feedsOnce  sync.Once
	feeds      *feed.Set
	eventsOnce sync.Once
	events     []*bulletin.Tracked
	pagesOnce  sync.Once
	pages      []page.File
	pagesErr   error
	inOnce     sync.Once
	in         *page.Input
}

// Events returns every published event followed through the bulletins,
// built on first use.
func (s *Site) Events() []*bulletin.Tracked {
	s.eventsOnce.Do(func() {
		s.events = bulletin.Track(s.Bulletins)
		keepSequences(s.events, s.Previous, s.UID)
	})
	return s.events
}

// Feeds returns every feed of the site, built on first use.
func (s *Site) Feeds() *feed.Set {
	s.feedsOnce.Do(func() { s.feeds = feed.Build(s.Site, s.Bulletins, s.Now) })
	return s.feeds
}

// SitePages returns the site's pages but the bulletins', rendered on
// first use.
func (s *Site) SitePages() ([]page.File, error) {
	s.pagesOnce.Do(func() { s.pages, s.pagesErr = page.SitePages(s.pageInput()) })
	return s.pages, s.pagesErr
}

// pageInput returns what the pages show, the feeds and calendars among
// it, gathered on first use.
func (s *Site) pageInput() *page.Input {
	s.inOnce.Do(func() { s.in = s.gatherPageInput() })
	return s.in
}

func (s *Site) gatherPageInput() *page.Input {
	in := &page.Input{Site: s.Site, Bulletins: s.Bulletins, Events: s.Events(), Now: s.Now,
		Scripts: func(b *bulletin.Bulletin) string { return s.BaseURL.Path + bulletin.ScriptPath(b, "txt") },
		LastDay: ical.LastDay}
	for _, f := range s.Feeds().Heads {
		in.Feeds = append(in.Feeds, page.Feed{Name: f.Name, Title: f.Title, RSS: f.SelfURL("rss"), Atom: f.SelfURL("atom"), JSON: f.SelfURL("json")})
	}
	if feed.HasPodcast(s.Site, s.Bulletins) {
		in.Podcast = s.URL(bulletin.PodcastPath)
	}
	for _, c := range ical.Calendars(s.Site, s.Events(), s.Now) {
		name := strings.TrimSuffix(strings.TrimPrefix(c.Path, "calendars/"), ".ics")
		in.Calendars = append(in.Calendars, page.Calendar{Name: name, Title: c.Title, URL: s.URL(c.Path)})
	}
	return in
}

// pageFiles renders the site's pages and keeps those whose path keep
// accepts.
func pageFiles(keep func(string) bool) func(*Site, *Part) ([]File, error) {
	return func(s *Site, _ *Part) ([]File, error) {
		pages, err := s.SitePages()
		if err != nil {
			return nil, err
		}
		var files []File
		for _, p := range pages {
			if keep(p.Path) {
				files = append(files, File{Path: p.Path, MediaType: MediaType(p.Path), Data: p.Data})
			}
		}
		return files, nil
	}
}

// Outputs is the table of everything a build writes.
var Outputs = []Output{
	{Path: "feeds/<feed>.atom", MediaType: "application/atom+xml", Render: heads("atom", "application/atom+xml", feed.EncodeAtom)},
	{Path: "feeds/<feed>.rss", MediaType: "application/rss+xml", Render: heads("rss", "application/rss+xml", feed.EncodeRSS)},
	{Path: "feeds/<feed>.json", MediaType: "application/feed+json", Render: heads("json", "application/feed+json", feed.EncodeJSON)},
	{Path: "feeds/archive/<feed>/<year>.atom", MediaType: "application/atom+xml", Render: archives, ByYear: true},
	{Path: "feeds.opml", MediaType: "text/x-opml", Render: opml},
	{Path: "calendars/<calendar>.ics", MediaType: calendarType, Render: calendars},
	{Path: "events/<event>.ics", MediaType: calendarType, Render: singleEvents},
	{Path: "scripts/<bulletin>.txt", MediaType: "text/plain; charset=utf-8", Render: TextScripts, ByYear: true},
	{Path: "scripts/<bulletin>.md", MediaType: "text/markdown; charset=utf-8", Render: MarkdownScripts, ByYear: true},
	{Path: "feeds/podcast.rss", MediaType: "application/rss+xml", Render: PodcastFeed},
	{Path: "bulletins/<bulletin>/index.html", MediaType: "text/html; charset=utf-8", Render: bulletinPages, ByYear: true},
	{Path: "<page>.html", MediaType: "text/html; charset=utf-8", Render: pageFiles(func(p string) bool { return strings.HasSuffix(p, ".html") })},
	{Path: "sitemap.xml", MediaType: "application/xml", Render: pageFiles(func(p string) bool { return p == "sitemap.xml" })},
	{Path: "robots.txt", MediaType: "text/plain; charset=utf-8", Render: pageFiles(func(p string) bool { return p == "robots.txt" })},
	{Path: "assets/<asset>.css", MediaType: "text/css; charset=utf-8", Render: pageFiles(func(p string) bool { return strings.HasSuffix(p, ".css") })},
	{Path: "assets/<asset>.js", MediaType: "text/javascript; charset=utf-8", Render: pageFiles(func(p string) bool { return strings.HasSuffix(p, ".js") })},
	{Path: "_headers", MediaType: "text/plain; charset=utf-8", Render: headers},
}

const calendarType = "text/calendar; charset=utf-8"

func bulletinPages(s *Site, p *Part) ([]File, error) {
	files := make([]File, 0, len(p.Bulletins))
	for _, b := range p.Bulletins {
		f, err := page.BulletinPage(s.pageInput(), b, p.Text)
		if err != nil {
			return nil, err
		}
		files = append(files, File{Path: f.Path, MediaType: MediaType(f.Path), Data: f.Data})
	}
	return files, nil
}

func calendars(s *Site, _ *Part) ([]File, error) {
	return encodeCalendars(s, ical.Calendars(s.Site, s.Events(), s.Now))
}

func singleEvents(s *Site, _ *Part) ([]File, error) {
	var cals []*ical.Calendar
	for _, t := range s.Events() {
		cals = append(cals, ical.Single(s.Site, t))
	}
	return encodeCalendars(s, cals)
}

func encodeCalendars(s *Site, cals []*ical.Calendar) ([]File, error) {
	var files []File
	for _, c := range cals {
		f, err := encode(c.Path, calendarType, func(w io.Writer) error { return ical.Encode(w, s.Site, c) })
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	return files, nil
}

// encode returns the file that write writes. It writes into a buffer
// kept for the next file, and the file's data is a copy of its own size,
// so that rendering many large files leaves little garbage behind.
func encode(path, mediaType string, write func(io.Writer) error) (File, error) {
	buf := buffers.Get().(*bytes.Buffer)
	defer buffers.Put(buf)
	buf.Reset()
	if err := write(buf); err != nil {
		return File{}, err
	}
	return File{Path: path, MediaType: mediaType, Data: bytes.Clone(buf.Bytes())}, nil
}

var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// Calendar clients choke on large subscriptions: Google Calendar stops
// reading at about 1 MB.
const calendarWarnSize = 512 << 10

// WarnFile returns what is worth telling about one rendered file, or "".
func WarnFile(f File) string {
	if f.MediaType == calendarType && len(f.Data) > calendarWarnSize {
		return fmt.Sprintf("%s is %d KB; Google Calendar ignores calendars over about 1 MB: lower calendar_past_days", f.Path, len(f.Data)>>10)
	}
	if headFeed.MatchString(f.Path) && f.Path != bulletin.PodcastPath && len(f.Data) > feed.MaxSize {
		return fmt.Sprintf("%s is %d KB, though it holds only the newest bulletin or point; feed readers refuse feeds over %d KB: shorten it", f.Path, len(f.Data)>>10, feed.MaxSize>>10)
	}
	return ""
}

// headFeed matches the paths of the head feeds.
var headFeed = regexp.MustCompile(`^feeds/[^/]+\.(atom|rss|json)$`)

// heads renders every head feed in one format.
func heads(ext, mediaType string, enc func(io.Writer, *feed.Feed) error) func(*Site, *Part) ([]File, error) {
	return func(s *Site, _ *Part) ([]File, error) {
		var files []File
		for _, f := range s.Feeds().Heads {
			file, err := encode("feeds/"+f.Name+"."+ext, mediaType, func(w io.Writer) error { return enc(w, f) })
			if err != nil {
				return nil, err
			}
			files = append(files, file)
		}
		return files, nil
	}
}

func archives(s *Site, p *Part) ([]File, error) {
	var files []File
	set := s.Feeds()
	for _, a := range set.Archives {
		if a.Archive.Year != p.Year {
			continue
		}
		file, err := encode(a.Archive.Path, "application/atom+xml", func(w io.Writer) error { return feed.EncodeAtom(w, set.Archive(a, p.Text)) })
		if err != nil {
			return nil, err
		}
		files = append(files, file)
	}
	return files, nil
}

func opml(s *Site, _ *Part) ([]File, error) {
	var buf bytes.Buffer
	owner := feed.Person{Name: s.Org.Name, Email: s.Org.Email, URI: s.Org.URL}
	err := feed.EncodeOPML(&buf, s.Title+" feeds", owner, s.Feeds())
	return []File{{Path: "feeds.opml", MediaType: "text/x-opml", Data: buf.Bytes()}}, err
}

// Load loads and validates the source folder fsys, named name in messages,
// at the clock now. It returns the site with its published bulletins,
// the warnings, and an error that is a bulletin.ErrorList of every problem.
func Load(fsys fs.FS, name string, now time.Time) (*Site, bulletin.ErrorList, error) {
	return LoadCached(fsys, name, now, nil)
}

// LoadCached is Load, parsing only the files that changed since c last
// loaded them.
func LoadCached(fsys fs.FS, name string, now time.Time, c *load.Cache) (*Site, bulletin.ErrorList, error) {
	site, all, errs := c.Dir(fsys, name)
	verrs, warns := bulletin.ValidateAll(site, all, now)
	errs.Append(verrs)
	errs.Sort()
	if err := errs.Err(); err != nil {
		return nil, warns, err
	}
	return &Site{Site: site, Bulletins: bulletin.Public(all, now), Now: now}, warns, nil
}

// Render renders every output in memory, sorted by path.
func Render(s *Site) ([]File, error) {
	var mu sync.Mutex
	var files []File
	err := RenderTo(s, func(f File) error {
		mu.Lock()
		defer mu.Unlock()
		files = append(files, f)
		return nil
	})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(files, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	for i := 1; i < len(files); i++ {
		if files[i].Path == files[i-1].Path {
			return nil, fmt.Errorf("render: two outputs write %s", files[i].Path)
		}
	}
	return files, nil
}

// RenderTo renders every output and hands each file, cleaned, to emit as
// soon as its part of its row of the table is done, so that a build need
// not hold them all. The rows that are ByYear render a year at a time,
// all of them together, newest year first, so that each year's Markdown
// is rendered once and dropped after. The parts render on every core, so
// emit is called from several goroutines; what the rows share (feeds,
// events, pages) is built once, and no file depends on which part ends
// first.
func RenderTo(s *Site, emit func(File) error) error {
	type task struct {
		row  int
		part *Part
	}
	next := make(chan task)
	var mu sync.Mutex
	var first error // the error of the first row, in the table's order
	firstRow := len(Outputs)
	fail := func(row int, err error) {
		mu.Lock()
		defer mu.Unlock()
		if row < firstRow {
			first, firstRow = err, row
		}
	}
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for t := range next {
				files, err := Outputs[t.row].Render(s, t.part)
				if err != nil {
					fail(t.row, fmt.Errorf("render %s: %w", Outputs[t.row].Path, err))
					continue
				}
				for _, f := range files {
					f.Data = cleanText(f.Data)
					if err := emit(f); err != nil {
						fail(t.row, err)
						break
					}
				}
			}
		})
	}
	for i, o := range Outputs {
		if !o.ByYear {
			next <- task{row: i, part: s.split(false)[0]}
		}
	}
	parts := s.split(true)
	for j, p := range parts {
		parts[j] = nil // so that the part, its Markdown cache with it, goes when rendered
		for i, o := range Outputs {
			if o.ByYear {
				next <- task{row: i, part: p}
			}
		}
	}
	close(next)
	wg.Wait()
	return first
}

// Manifest returns the manifest of the site with its rendered files.
func (s *Site) Manifest(files []File) *Manifest { return s.manifest(files) }

// cleanText is the last line of defence of every output, all of which are
// text: invalid UTF-8 becomes U+FFFD and control characters other than
// tab, newline and carriage return go. The loader refuses them, and the
// feed and calendar encoders drop them already; this keeps a page or a
// script as sound whatever text reaches it.
func cleanText(data []byte) []byte {
	if utf8.Valid(data) && !hasControl(data) {
		return data
	}
	data = bytes.ToValidUTF8(data, []byte("\uFFFD"))
	return bytes.Map(func(r rune) rune {
		if badControl(r) {
			return -1
		}
		return r
	}, data)
}

// hasControl reports whether data holds a control character badControl
// refuses. They are all ASCII, and no byte of a longer UTF-8 sequence is:
// a loop over bytes finds them at a fraction of the cost of decoding.
func hasControl(data []byte) bool {
	// Eight bytes at a time: a word with no byte below 0x20 and none
	// equal to 0x7f, as most are, is passed over whole.
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	i := 0
	for ; i+8 <= len(data); i += 8 {
		x := binary.LittleEndian.Uint64(data[i:])
		below := (x - 0x20*ones) &^ x & highs
		del := x ^ 0x7f*ones
		del = (del - ones) &^ del & highs
		if below|del != 0 && controlIn(data[i:i+8]) {
			return true
		}
	}
	return controlIn(data[i:])
}

func controlIn(data []byte) bool {
	for _, c := range data {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f {
			return true
		}
	}
	return false
}

func badControl(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0x7f
}
