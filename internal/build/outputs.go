package build

import (
	"bytes"
	"fmt"
	"io"
	"path"
	"regexp"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
	"github.com/prayerfeed/prayerfeed/internal/feed"
	"github.com/prayerfeed/prayerfeed/internal/ical"
	"github.com/prayerfeed/prayerfeed/internal/markdown"
	"github.com/prayerfeed/prayerfeed/internal/page"
	"github.com/prayerfeed/prayerfeed/internal/script"
)

// A File is one rendered output.
type File struct {
	Path      string // slash-separated, relative to the output folder
	MediaType string
	Data      []byte
}

// A Job is one file of a site, not yet rendered: Render renders it.
type Job struct {
	Path      string
	MediaType string
	// Render writes the file to w, sharing with the other files of its
	// part what they both show.
	Render func(w *bytes.Buffer, p *Part) error
}

// An Output is one row of the table of what a build writes: a kind of
// file, and the files of that kind a site has.
type Output struct {
	Path      string // the path, or a pattern such as "feeds/<feed>.atom"
	MediaType string
	// Files lists the row's files in a part of the site: its files of the
	// whole site (part 0) or of one year of its history (the part is the
	// year). The files of a year render together, sharing a Part: a
	// point is on its bulletin's page, in two scripts, in two feed
	// archives and in its events' calendars.
	Files func(m *Model, part int) []Job // MediaType is the row's
}

// Media types of more than one row.
const (
	atomType     = "application/atom+xml; charset=utf-8"
	rssType      = "application/rss+xml; charset=utf-8"
	calendarType = "text/calendar; charset=utf-8"
	htmlType     = "text/html; charset=utf-8"
	textType     = "text/plain; charset=utf-8"
)

// Outputs is the table of everything a build writes. MediaType reads the
// media type of a path from it: the files, _headers and the preview
// server all serve what it says. (It is set in init, as _headers reads
// it.)
var Outputs []Output

func init() {
	Outputs = []Output{
		{"feeds/<feed>.atom", atomType, whole(heads("atom", feed.EncodeAtom))},
		{"feeds/<feed>.rss", rssType, whole(heads("rss", feed.EncodeRSS))},
		{"feeds/<feed>.json", "application/feed+json; charset=utf-8", whole(heads("json", feed.EncodeJSON))},
		{"feeds/archive/<feed>/<year>.atom", atomType, history(archives)},
		{"feeds/podcast.rss", rssType, whole(podcast)},
		{"feeds.opml", "text/x-opml; charset=utf-8", whole(opml)},
		{"calendars/<calendar>.ics", calendarType, whole(calendars)},
		{"calendars/diary.ics", calendarType, whole(diaryCalendar)},
		{"events/<event>.ics", calendarType, history(singleEvents)},
		{"scripts/<bulletin>.txt", textType, history(scripts("txt", (*script.Script).WriteText))},
		{"scripts/<bulletin>.md", "text/markdown; charset=utf-8", history(scripts("md", (*script.Script).WriteMarkdown))},
		{"bulletins/<bulletin>/index.html", htmlType, history(bulletinPages)},
		{"index.html", htmlType, whole(sitePage("index.html", (*page.Pages).Home))},
		{"regions/<region>/index.html", htmlType, whole(regionPages)},
		{"archive/index.html", htmlType, whole(sitePage("archive/index.html", ignoreText((*page.Pages).Archive)))},
		{"events/index.html", htmlType, whole(sitePage("events/index.html", (*page.Pages).Events))},
		{"subscribe/index.html", htmlType, whole(sitePage("subscribe/index.html", ignoreText((*page.Pages).Subscribe)))},
		{"404.html", htmlType, whole(own(sitePage("404.html", ignoreText((*page.Pages).NotFound))))},
		{"sitemap.xml", "application/xml; charset=utf-8", whole(sitePage("sitemap.xml", ignoreText((*page.Pages).Sitemap)))},
		{"robots.txt", textType, whole(own(sitePage("robots.txt", ignoreText((*page.Pages).Robots))))},
		{"assets/<asset>.css", "text/css; charset=utf-8", whole(own(assets(".css")))},
		{"assets/<asset>.js", "text/javascript; charset=utf-8", whole(own(assets(".js")))},
		{"_headers", textType, whole(own(headers))},
	}
	for _, o := range Outputs {
		re := regexp.MustCompile(`<[^>]*>`).ReplaceAllString(regexp.QuoteMeta(o.Path), `[^/]+`)
		patterns = append(patterns, regexp.MustCompile("^"+re+"$"))
	}
}

// patterns are the rows' paths as regular expressions, each "<...>"
// standing for one path element or part of one.
var patterns []*regexp.Regexp

// MediaType returns the media type of the file at path p, as the table
// of outputs says, or "application/octet-stream" for a path of none.
func MediaType(p string) string {
	for i, re := range patterns {
		if re.MatchString(p) {
			return Outputs[i].MediaType
		}
	}
	return "application/octet-stream"
}

// whole makes the row whose files list lists of the whole site.
func whole(list func(*Model) []Job) func(*Model, int) []Job {
	return func(m *Model, part int) []Job {
		if part != 0 {
			return nil
		}
		return list(m)
	}
}

// own makes a row of the site in its own language alone: hosts read
// _headers, robots.txt and 404.html at the root, and every language's
// pages load the one stylesheet.
func own(list func(*Model) []Job) func(*Model) []Job {
	return func(m *Model) []Job {
		if m.Prefix != "" {
			return nil
		}
		return list(m)
	}
}

// history makes the row whose files list lists of a year of the
// history.
func history(list func(m *Model, year int) []Job) func(*Model, int) []Job {
	return func(m *Model, part int) []Job {
		if part == 0 {
			return nil
		}
		return list(m, part)
	}
}

// heads lists the head feeds in one format.
func heads(ext string, enc func(io.Writer, *feed.Feed) error) func(*Model) []Job {
	return func(m *Model) []Job {
		var jobs []Job
		for _, f := range m.Feeds.Heads {
			jobs = append(jobs, Job{Path: "feeds/" + f.Name + "." + ext, Render: func(w *bytes.Buffer, _ *Part) error {
				return enc(w, f)
			}})
		}
		return jobs
	}
}

func archives(m *Model, year int) []Job {
	var jobs []Job
	for _, a := range m.Feeds.Archives {
		if a.Archive.Year != year {
			continue
		}
		jobs = append(jobs, Job{Path: a.Archive.Path, Render: func(w *bytes.Buffer, p *Part) error {
			return feed.EncodeAtom(w, m.Feeds.Archive(a, p.Text))
		}})
	}
	return jobs
}

// podcast lists the podcast feed, when any bulletin has audio: no empty
// podcast is ever published.
func podcast(m *Model) []Job {
	if m.Podcast == nil {
		return nil
	}
	return []Job{{Path: bulletin.PodcastPath, Render: func(w *bytes.Buffer, _ *Part) error {
		return feed.EncodePodcast(w, m.Podcast)
	}}}
}

func opml(m *Model) []Job {
	return []Job{{Path: "feeds.opml", Render: func(w *bytes.Buffer, _ *Part) error {
		owner := feed.Person{Name: m.Site.Org.Name, Email: m.Site.Org.Email, URI: m.Site.Org.URL}
		return feed.EncodeOPML(w, m.Site.Words().F("%s feeds", m.Site.Title), owner, m.Feeds)
	}}}
}

func calendars(m *Model) []Job {
	var jobs []Job
	for _, c := range m.Calendars {
		jobs = append(jobs, calendarJob(m, c))
	}
	return jobs
}

// singleEvents lists the calendar of each event with the year of the
// bulletin that last announced it, whose page renders the same text.
func singleEvents(m *Model, year int) []Job {
	var jobs []Job
	for _, b := range m.years[year] {
		for _, pt := range b.Points {
			for _, e := range pt.Events {
				if t := m.tracked[e.ID]; t != nil && t.Point == pt {
					jobs = append(jobs, Job{Path: bulletin.EventPath(e), Render: func(w *bytes.Buffer, p *Part) error {
						return ical.Encode(w, m.Site, ical.Single(m.Site, t), p.Text.Text)
					}})
				}
			}
		}
	}
	return jobs
}

func calendarJob(m *Model, c *ical.Calendar) Job {
	return Job{Path: c.Path, Render: func(w *bytes.Buffer, p *Part) error {
		return ical.Encode(w, m.Site, c, p.Text.Text)
	}}
}

// scripts lists every bulletin's read-aloud script in one format: plain
// text, or Markdown with the IDs of its points.
func scripts(ext string, lay func(*script.Script, *bytes.Buffer)) func(*Model, int) []Job {
	return func(m *Model, year int) []Job {
		var jobs []Job
		for _, b := range m.years[year] {
			jobs = append(jobs, Job{Path: bulletin.ScriptPath(b, ext), Render: func(w *bytes.Buffer, p *Part) error {
				lay(p.script(m, b), w)
				return nil
			}})
		}
		return jobs
	}
}

func bulletinPages(m *Model, year int) []Job {
	var jobs []Job
	for _, b := range m.years[year] {
		jobs = append(jobs, Job{Path: bulletin.BulletinPath(b) + "index.html", Render: func(w *bytes.Buffer, p *Part) error {
			return m.Pages.Bulletin(w, b, p.Text)
		}})
	}
	return jobs
}

func regionPages(m *Model) []Job {
	var jobs []Job
	for _, r := range m.Site.Regions {
		jobs = append(jobs, Job{Path: bulletin.RegionPath(r) + "index.html", Render: func(w *bytes.Buffer, p *Part) error {
			return m.Pages.Region(w, r, p.Text)
		}})
	}
	return jobs
}

// sitePage lists the one page at path that render writes.
func sitePage(path string, render func(*page.Pages, io.Writer, *markdown.Cache) error) func(*Model) []Job {
	return func(m *Model) []Job {
		return []Job{{Path: path, Render: func(w *bytes.Buffer, p *Part) error { return render(m.Pages, w, p.Text) }}}
	}
}

// ignoreText adapts the writer of a page that shows no Markdown.
func ignoreText(render func(*page.Pages, io.Writer) error) func(*page.Pages, io.Writer, *markdown.Cache) error {
	return func(ps *page.Pages, w io.Writer, _ *markdown.Cache) error { return render(ps, w) }
}

// assets lists the stylesheet or the script, by their extension.
func assets(ext string) func(*Model) []Job {
	return func(*Model) []Job {
		var jobs []Job
		for _, f := range page.Assets() {
			if path.Ext(f.Path) == ext {
				jobs = append(jobs, Job{Path: f.Path, Render: func(w *bytes.Buffer, _ *Part) error {
					_, err := w.Write(f.Data)
					return err
				}})
			}
		}
		return jobs
	}
}

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
