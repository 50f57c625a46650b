// Package feed builds the subscription feeds of a site, one model for RSS
// 2.0, Atom 1.0 and JSON Feed 1.1, and writes them through the structs of
// gorilla/feeds, wrapped where those lack what readers need.
//
// A site has a feed of whole bulletins ("all") and one of points for every
// region. Each holds the newest entries up to the site's feed limit; older
// entries stay reachable through RFC 5005 archive documents, one a year.
package feed

import (
	"cmp"
	"html"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
	"github.com/prayerfeed/prayerfeed/internal/markdown"
	"github.com/prayerfeed/prayerfeed/internal/markup"
	"github.com/prayerfeed/prayerfeed/internal/spool"
)

// Generator names prayerfeed in every feed.
const Generator = "prayerfeed"

// GeneratorURI is the home of prayerfeed.
const GeneratorURI = "https://github.com/prayerfeed/prayerfeed"

// A Feed is one feed, whatever the format it is written in: a head feed
// (the one readers subscribe to) or one of its yearly archives.
type Feed struct {
	Name        string // "all" or a region ID: the file name in feeds/
	ID          string // permanent
	Title       string
	Description string
	Language    string
	HomeURL     string // the HTML page the feed mirrors
	BaseURL     string // the folder of the feed files, ending in "/"
	Author      Person
	Icon        string
	Logo        string
	Hub         string
	Updated     time.Time // the newest entry's, never the build time
	Entries     []*Entry  // newest first

	// PrevArchive is the URL of the newest archive document, on a head
	// feed that has archives (RFC 5005 §4).
	PrevArchive string
	// Archive is set on an archive document.
	Archive *Archive

	srcs []source // an archive document's entries, made by Set.Archive
}

// An Archive places an archive document among its feed's archives.
type Archive struct {
	Year    int
	Path    string // "feeds/archive/<name>/<year>.atom"
	Current string // the head feed's URL
	Prev    string // the year before's archive, or ""
	Next    string // the year after's archive, or ""
}

// SelfURL returns the feed's own URL in a format: "atom", "rss" or "json".
func (f *Feed) SelfURL(ext string) string {
	if f.Archive != nil {
		return f.BaseURL + strings.TrimPrefix(f.Archive.Path, "feeds/")
	}
	return f.BaseURL + f.Name + "." + ext
}

// A Person is an author.
type Person struct {
	Name  string
	Email string
	URI   string
}

// An Entry is one item of a feed.
type Entry struct {
	ID         string // permanent, the same in every format
	Title      string
	URL        string
	Published  time.Time
	Updated    time.Time // Published when never corrected
	Content    string    // HTML, every link absolute
	Summary    string    // plain text
	Categories []Category
	Author     Person
}

// A Category is a subject of an entry.
type Category struct {
	Term  string // stable, lower case: "south-asia", "prayer", "hearing"
	Label string // as shown: "South Asia", "Prayer", "Court hearing"
}

// summaryLength is the length of an entry's plain-text summary.
const summaryLength = 280

// A Set is every feed of a site: the head feeds, all first and then the
// regions in the site's order, and the archive documents.
//
// The head feeds carry their entries. The archive documents, which hold
// the whole history, carry none until Archive renders one, so that a
// build can render them a few at a time.
type Set struct {
	Heads    []*Feed
	Archives []*Feed
	site     *bulletin.Site
	tracked  map[string]*bulletin.Tracked // the events as they now stand, by ID
	now      time.Time
	fallback time.Time // updated time of a feed without entries
}

// A source is what an entry is made from: a whole bulletin in the all
// feed, or one point in its region's.
type source struct {
	b  *bulletin.Bulletin
	pt *bulletin.Point
	r  *bulletin.Region
}

// times returns the published and updated times of the entry made from
// src. The points of a bulletin are dated a second apart after the
// bulletin's own time (Bulletin.Dated), the first the latest, so that readers, which sort
// by date, keep the bulletin's order, no two entries share a time, and
// every entry is on the bulletin's date in the site's zone and in UTC.
func (src source) times() (published, updated time.Time) {
	published, updated = src.b.Dated(), src.b.Modified()
	if updated.Before(published) {
		updated = published
	}
	if src.pt == nil {
		return published, updated
	}
	offset := time.Duration(len(src.b.Points)-1-slices.Index(src.b.Points, src.pt)) * time.Second
	return published.Add(offset), updated.Add(offset)
}

// Build returns every feed of the site. The bulletins must be the
// published ones (bulletin.Public), newest first, and events the events
// they announce (bulletin.Track).
//
// A feed's updated time is its newest entry's. A feed without entries (a
// region with no points yet) takes the newest bulletin's, or now when
// there is none, so that it never claims a time that means nothing.
func Build(s *bulletin.Site, bulletins []*bulletin.Bulletin, events []*bulletin.Tracked, days []bulletin.DiaryDay, now time.Time) *Set {
	// The day, not the instant: two builds on one day agree.
	set := &Set{site: s, tracked: bulletin.ByID(events), now: now, fallback: now.UTC().Truncate(24 * time.Hour)}
	if len(bulletins) > 0 {
		set.fallback = time.Time{}
		for _, b := range bulletins {
			if b.Modified().After(set.fallback) {
				set.fallback = b.Modified()
			}
		}
	}
	// The heads are few entries each: one cache serves them all. The
	// feeds are made side by side, as measuring a head feed's size
	// means encoding it in every format.
	c := markdown.NewCache(s.BaseURL)
	all := newFeed(s, "all", s.Title, s.Description, s.URL(""))
	var srcs []source
	for _, b := range bulletins {
		srcs = append(srcs, source{b: b})
	}
	byRegion := map[string][]source{}
	for _, b := range bulletins {
		for _, pt := range b.Points {
			byRegion[pt.Region] = append(byRegion[pt.Region], source{b: b, pt: pt})
		}
	}
	heads, sources := []*Feed{all}, [][]source{srcs}
	for _, r := range s.Regions {
		desc := r.Description
		if desc == "" {
			desc = s.Words().F("Praise and prayer points for %s from %s.", r.Name, s.Title)
		}
		srcs := byRegion[r.ID]
		for i := range srcs {
			srcs[i].r = r
		}
		heads = append(heads, newFeed(s, r.ID, s.Title+" — "+r.Name, desc, s.URL(bulletin.RegionPath(r))))
		sources = append(sources, srcs)
	}
	archives := make([][]*Feed, len(heads))
	var diary *Feed
	var wg sync.WaitGroup
	for i, f := range heads {
		wg.Go(func() { archives[i] = set.add(f, sources[i], c) })
	}
	if !s.DiaryOff {
		wg.Go(func() { diary = set.diary(days, c) })
	}
	wg.Wait()
	set.Heads = heads
	for _, a := range archives {
		set.Archives = append(set.Archives, a...)
	}
	if diary != nil {
		set.Heads = append(set.Heads, diary)
	}
	return set
}

// DiaryTitle returns the title of the prayer diary, in its feeds and
// calendar, in the site's language.
func DiaryTitle(s *bulletin.Site) string { return s.Words().T("Prayer diary: a point a day") }

// diary returns the feed of the prayer diary: an entry a day, the day's
// point, from the day it begins (midnight in the site's zone), newest
// first, so that a reader or an RSS-to-email service sends a point a
// day. A day's entry ID is its date and its point's: when a day's point
// changes (a bulletin published early, a point made private), the day
// gets a new entry, as an ID never stands for another request.
func (set *Set) diary(days []bulletin.DiaryDay, c *markdown.Cache) *Feed {
	s := set.site
	f := newFeed(s, "diary", s.Title+" — "+DiaryTitle(s), s.Words().F("One point a day from %s to pray through the week.", s.Title), s.URL("subscribe/")+"#diary")
	bd := &builder{s, c, set.tracked, set.now}
	loc := s.Location
	if loc == nil {
		loc = time.UTC
	}
	for i := len(days) - 1; i >= 0; i-- {
		d, pt := days[i].Day, days[i].Point
		start := d.In(loc)
		if start.After(set.now) {
			continue
		}
		// A correction later than the day dates it, a second later
		// for each day after the bulletin's first, as no two entries
		// may share a time.
		updated := start
		if m := pt.Bulletin.Modified(); m.After(updated) {
			n := 0
			for first := bulletin.DateOf(pt.Bulletin.Published().In(loc)); first.Before(d); first = first.AddDays(1) {
				n++
			}
			updated = m.Add(time.Duration(n) * time.Second)
		}
		f.Entries = append(f.Entries, &Entry{
			ID:         s.Tag(d.String(), "diary/"+pt.Bulletin.ID+"/"+pt.ID),
			Title:      s.Words().DayMonth(d.Year, d.Month, d.Day) + ": " + pt.Title,
			URL:        s.PointURL(pt),
			Content:    bd.pointHTML(pt),
			Summary:    markdown.Summary(c.Text(pt.Body), summaryLength),
			Author:     orgPerson(s),
			Published:  start,
			Updated:    updated,
			Categories: categories{{Term: string(pt.Kind), Label: pt.Kind.Label(s.Words())}},
		})
	}
	f.setUpdated()
	if f.Updated.IsZero() {
		f.Updated = set.fallback
	}
	return f
}

// add fills the head feed f with the entries made from srcs, newest
// first, keeping the newest up to the site's limit. When there are more,
// every year of entries gets an archive document, chained to each other
// and to f: add returns them, oldest first. It changes nothing but f, so
// that the feeds can be made side by side.
func (set *Set) add(f *Feed, srcs []source, c *markdown.Cache) []*Feed {
	s := set.site
	head := srcs[:min(len(srcs), s.FeedLimit)]
	bd := &builder{s, c, set.tracked, set.now}
	for _, src := range head {
		f.Entries = append(f.Entries, bd.entry(src))
	}
	// However long the bulletins, a head feed stays under MaxSize in
	// every format, the oldest entries going to the archives instead.
	if len(f.Entries) > 1 && tooLarge(f) {
		all := f.Entries
		// The most entries that fit, at least one: the size grows
		// with each entry, so a binary search finds it.
		n := sort.Search(len(all), func(n int) bool {
			f.Entries = all[:n+1]
			return tooLarge(f)
		})
		f.Entries = all[:max(n, 1)]
	}
	// Its newest entry alone too large (a bulletin of very many long
	// points): the entry keeps its summary and a link to the whole.
	if len(f.Entries) == 1 && tooLarge(f) {
		short := *f.Entries[0]
		short.Content = "<p>" + html.EscapeString(short.Summary) + "</p>\n<p><a href=\"" + html.EscapeString(short.URL) + "\">Read it all on its page</a>, as it is too long for a feed.</p>"
		f.Entries = []*Entry{&short}
	}
	head = head[:len(f.Entries)]
	f.setUpdated()
	if len(srcs) == len(head) {
		if f.Updated.IsZero() {
			f.Updated = set.fallback
		}
		return nil
	}
	loc := s.Location
	if loc == nil {
		loc = time.UTC
	}
	// Every year of the feed's entries gets an archive holding all of
	// that year's entries, those still in the head feed too, so that a
	// year's archive is complete on its own and the archives chain.
	byYear := map[int][]source{}
	for _, src := range srcs {
		published, _ := src.times()
		y := published.In(loc).Year()
		byYear[y] = append(byYear[y], src)
	}
	years := make([]int, 0, len(byYear))
	for y := range byYear {
		years = append(years, y)
	}
	slices.Sort(years)
	archives := make([]*Feed, len(years))
	for i, y := range years {
		a := *f
		a.Entries = nil
		a.srcs = byYear[y]
		a.Archive = &Archive{Year: y, Path: archivePath(f.Name, y), Current: f.SelfURL("atom")}
		a.Title = f.Title + " — " + strconv.Itoa(y)
		a.ID = feedID(s, "archive/"+f.Name+"/"+strconv.Itoa(y))
		a.Updated = time.Time{}
		for _, src := range a.srcs {
			if _, u := src.times(); u.After(a.Updated) {
				a.Updated = u
			}
		}
		archives[i] = &a
	}
	for i, a := range archives {
		if i > 0 {
			a.Archive.Prev = s.URL(archives[i-1].Archive.Path)
		}
		if i+1 < len(archives) {
			a.Archive.Next = s.URL(archives[i+1].Archive.Path)
		}
	}
	f.PrevArchive = s.URL(archives[len(archives)-1].Archive.Path)
	return archives
}

// Bulletins returns the bulletins whose entries are in the archive
// document a, in the order of its entries.
func (a *Feed) Bulletins() []*bulletin.Bulletin {
	bs := make([]*bulletin.Bulletin, len(a.srcs))
	for i, src := range a.srcs {
		bs[i] = src.b
	}
	return bs
}

// Archive returns the archive document a, one of the set's Archives,
// with its entries, their Markdown rendered through c. It is safe to call
// from several goroutines.
func (set *Set) Archive(a *Feed, c *markdown.Cache) *Feed {
	full := *a
	full.Entries = make([]*Entry, 0, len(a.srcs))
	bd := &builder{set.site, c, set.tracked, set.now}
	for _, src := range a.srcs {
		full.Entries = append(full.Entries, bd.entry(src))
	}
	return &full
}

// MaxSize is the most a head feed may weigh in any format: feed readers
// and services such as Feedly refuse or cut feeds much larger.
const MaxSize = 512 << 10

// sizeMargin is kept free of entries for what a head feed gets after it
// is measured (its link to the archives).
const sizeMargin = 1 << 10

// tooLarge reports whether the head feed f leaves less than sizeMargin
// free under MaxSize in any format. Most head feeds are far smaller, and
// sizeBound tells so without encoding them three times.
func tooLarge(f *Feed) bool {
	return sizeBound(f) > MaxSize-sizeMargin && encodedSize(f) > MaxSize-sizeMargin
}

// sizeBound returns a size that f exceeds in no format. Each of its
// strings is written at most twice in a format (the title and home page
// of an RSS channel, for its image too; the author of a JSON Feed, as
// author and in authors), once for most; each of its bytes becomes at
// most ten (escaped), and the markup around them is at most feedMarkup,
// entryMarkup and categoryMarkup. (TestSizeBound checks it.)
func sizeBound(f *Feed) int {
	n := feedMarkup + 2*escapedBound(f.Title, f.HomeURL, f.Author.Name, f.Author.Email, f.Author.URI) +
		escapedBound(f.ID, f.Description, f.Language, f.BaseURL, f.Name, f.Icon, f.Logo, f.Hub, f.PrevArchive)
	if a := f.Archive; a != nil {
		n += escapedBound(a.Path, a.Current, a.Prev, a.Next)
	}
	for _, e := range f.Entries {
		n += entryMarkup + escapedBound(e.ID, e.Title, e.URL, e.Summary, e.Author.Name, e.Author.Email, e.Author.URI) + contentBound(e.Content)
		for _, c := range e.Categories {
			n += categoryMarkup + escapedBound(c.Term, c.Label)
		}
	}
	return n
}

// The most markup a format writes around a feed's strings, an entry's
// and a category's, dates included: above the most they take (Atom's
// 902 bytes for a feed with every link, 377 and 43).
const (
	feedMarkup     = 1 << 10
	entryMarkup    = 512
	categoryMarkup = 64
)

// escapedBound returns the most bytes that the strings ss take escaped
// in any format: ten for a byte an encoder may escape (an RSS
// description writes "&" as "&amp;amp;"), or that may join others in
// escaped text when cleaning drops the byte between them ("]]>", which a
// CDATA section splits), ten for every byte of a string that is not
// UTF-8, and one for the rest.
func escapedBound(ss ...string) int {
	n := 0
	for _, s := range ss {
		if !utf8.ValidString(s) {
			n += 10 * len(s)
			continue
		}
		n += len(s)
		for i := 0; i < len(s); i++ {
			switch s[i] {
			case '<', '>', '&', '\'', '"', '\\', ']', 0x7f,
				0xe2: // the first byte of U+2028 and U+2029, which JSON escapes
				n += 9
			default:
				if s[i] < 0x20 {
					n += 9
				}
			}
		}
	}
	return n
}

// contentBound is escapedBound for an entry's HTML, most of a feed, which
// every format writes as it is but for a few bytes: Atom and RSS in a
// CDATA section, JSON with HTML left unescaped. In JSON a quote or a
// backslash takes two bytes, a tab or a line end two and another control
// six, and U+2028 or U+2029 six for three; a CDATA section splits "]]>",
// which cleaning may make of "]]" and ">", into fifteen bytes.
func contentBound(s string) int {
	if !utf8.ValidString(s) {
		return 10 * len(s)
	}
	n := len(s)
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"' || c == '\\':
			n++
		case c == ']':
			n += 6
		case c == 0xe2:
			n += 3
		case c < 0x20 || c == 0x7f:
			n += 5
		}
	}
	return n
}

// encodedSize returns the size of f in its largest format.
func encodedSize(f *Feed) int {
	largest := 0
	for _, enc := range []func(io.Writer, *Feed) error{EncodeAtom, EncodeRSS, EncodeJSON} {
		var n counter
		if err := enc(&n, f); err != nil {
			panic(err) // a counter never fails, and the model always encodes
		}
		largest = max(largest, int(n))
	}
	return largest
}

// counter counts the bytes written to it.
type counter int

func (c *counter) Write(p []byte) (int, error) {
	*c += counter(len(p))
	return len(p), nil
}

func archivePath(name string, year int) string {
	return "feeds/archive/" + name + "/" + strconv.Itoa(year) + ".atom"
}

// feedID returns the permanent ID of a site's feed by name: a name-based
// UUID (RFC 9562, version 5) of the feed's place under the site's
// id_domain, so that it does not change when the site moves.
func feedID(s *bulletin.Site, name string) string {
	place := "/feeds/" + name
	if s.IDLanguage != "" {
		place = "/" + s.IDLanguage + place
	}
	return uuid.NewSHA1(uuid.NameSpaceURL, []byte("https://"+s.IDDomain+place)).URN()
}

func newFeed(s *bulletin.Site, name, title, description, home string) *Feed {
	return &Feed{
		Name:        name,
		ID:          feedID(s, name),
		Title:       title,
		Description: description,
		Language:    s.Language,
		HomeURL:     home,
		BaseURL:     s.URL("feeds/"),
		Author:      orgPerson(s),
		Icon:        s.Icon,
		Logo:        s.Logo,
		Hub:         s.Hub,
	}
}

func orgPerson(s *bulletin.Site) Person {
	return Person{Name: s.Org.Name, Email: s.Org.Email, URI: s.Org.URL}
}

func (f *Feed) setUpdated() {
	f.Updated = time.Time{}
	for _, e := range f.Entries {
		if e.Updated.After(f.Updated) {
			f.Updated = e.Updated
		}
	}
}

// entry makes the entry of src.
func (bd *builder) entry(src source) *Entry {
	if src.pt == nil {
		return bd.bulletinEntry(src)
	}
	return bd.pointEntry(src)
}

func (bd *builder) bulletinEntry(src source) *Entry {
	s, b := bd.s, src.b
	e := &Entry{
		ID:      s.EntryID(b),
		Title:   bulletinTitle(b),
		URL:     s.URL(bulletin.BulletinPath(b)),
		Content: bd.bulletinHTML(b),
		Summary: markdown.Shorten(strings.Join(strings.Fields(b.Scripture.Text), " ")+" — "+b.Scripture.Reference, summaryLength),
		Author:  orgPerson(s),
	}
	e.Published, e.Updated = src.times()
	var cats categories
	for _, r := range s.Regions {
		for _, pt := range b.Points {
			if pt.Region == r.ID {
				cats.add(Category{Term: r.ID, Label: r.Name})
				break
			}
		}
	}
	for _, k := range []bulletin.Kind{bulletin.Praise, bulletin.Prayer} {
		for _, pt := range b.Points {
			if pt.Kind == k {
				cats.add(Category{Term: string(k), Label: k.Label(s.Words())})
				break
			}
		}
	}
	for _, pt := range b.Points {
		cats.addEvents(pt)
	}
	e.Categories = cats.sorted()
	return e
}

func bulletinTitle(b *bulletin.Bulletin) string { return b.DatedTitle() }

func (bd *builder) pointEntry(src source) *Entry {
	s, r, pt := bd.s, src.r, src.pt
	e := &Entry{
		ID:      s.PointEntryID(pt),
		Title:   pt.Title,
		URL:     s.PointURL(pt),
		Content: bd.pointHTML(pt),
		Summary: markdown.Summary(bd.c.Text(pt.Body), summaryLength),
		Author:  orgPerson(s),
	}
	e.Published, e.Updated = src.times()
	var cats categories
	cats.add(Category{Term: r.ID, Label: r.Name})
	cats.add(Category{Term: string(pt.Kind), Label: pt.Kind.Label(s.Words())})
	cats.addEvents(pt)
	e.Categories = cats.sorted()
	return e
}

// categories collects an entry's categories once each.
type categories []Category

func (c *categories) add(cat Category) {
	if !slices.Contains(*c, cat) {
		*c = append(*c, cat)
	}
}

func (c *categories) addEvents(pt *bulletin.Point) {
	for _, k := range []bulletin.EventKind{bulletin.Hearing, bulletin.Gathering} {
		for _, ev := range pt.Events {
			if ev.Kind == k {
				c.add(Category{Term: string(k), Label: k.Label(pt.Bulletin.Words())})
				break
			}
		}
	}
}

// sorted returns the categories in a fixed order: regions as given first,
// then kinds of point, then kinds of event.
func (c categories) sorted() []Category {
	rank := func(t string) int {
		switch t {
		case string(bulletin.Praise), string(bulletin.Prayer):
			return 1
		case string(bulletin.Hearing), string(bulletin.Gathering):
			return 2
		}
		return 0
	}
	s := slices.Clone(c)
	slices.SortStableFunc(s, func(a, b Category) int { return cmp.Compare(rank(a.Term), rank(b.Term)) })
	return s
}

// A builder renders the entries of one site's feeds, each text's Markdown
// through a cache, once for the several feeds that show it.
type builder struct {
	s       *bulletin.Site
	c       *markdown.Cache
	tracked map[string]*bulletin.Tracked
	now     time.Time
}

// bulletinHTML renders a whole bulletin in reading order, as its page
// does (markup.Writer.Bulletin), then the site's closing text and a link
// to the bulletin's read-aloud script.
func (bd *builder) bulletinHTML(b *bulletin.Bulletin) string {
	w := bd.writer()
	w.Bulletin(b)
	if about := bd.c.HTML(spool.Of(bd.s.About)); about != "" {
		w.Raw("\n<hr>\n")
		w.Raw(about)
	}
	w.Raw("\n<p><a href=\"")
	w.URL(bd.s.URL(bulletin.ScriptPath(b, "txt")))
	w.Raw("\">Read-aloud script</a></p>")
	return w.String()
}

// pointHTML renders one point, as its bulletin's page does, and a link
// to its bulletin.
func (bd *builder) pointHTML(pt *bulletin.Point) string {
	w := bd.writer()
	w.Point(pt, pt.ID)
	w.Raw("\n<p><a href=\"")
	w.URL(bd.s.URL(bulletin.BulletinPath(pt.Bulletin)))
	w.Raw("\">")
	w.Text(bulletinTitle(pt.Bulletin))
	w.Raw("</a></p>")
	return w.String()
}

// writer returns a writer of the HTML of bulletins and points, with
// absolute links, as feed readers need.
func (bd *builder) writer() *markup.Writer {
	return &markup.Writer{Site: bd.s, Tracked: bd.tracked, Markdown: bd.c, Root: bd.s.BaseURL.String(), Now: bd.now}
}

// Every returns the head feeds and then every archive document with its
// entries, all held at once: for small sites and tests.
func (set *Set) Every() []*Feed {
	c := markdown.NewCache(set.site.BaseURL)
	feeds := slices.Clone(set.Heads)
	for _, a := range set.Archives {
		feeds = append(feeds, set.Archive(a, c))
	}
	return feeds
}
