package load_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
	"github.com/prayerfeed/prayerfeed/internal/load"
)

const podcastYAML = `podcast:
  image: https://prayer.example.org/podcast.jpg
  category: Religion & Spirituality
  subcategory: Christianity
`

const audioYAML = `audio:
  url: https://media.example.org/2026-11-20.mp3
  length: 12345678
  type: audio/mpeg
  duration: "12:30"
`

// TestPodcastGUID checks the podcast:guid made from a feed's URL against
// the examples of the Podcasting 2.0 namespace.
func TestPodcastGUID(t *testing.T) {
	tests := map[string]string{
		"mp3s.nashownotes.com/pc20rss.xml":             "917393e3-1b1e-5cef-ace4-edaa54e1f810",
		"https://mp3s.nashownotes.com/pc20rss.xml":     "917393e3-1b1e-5cef-ace4-edaa54e1f810",
		"podnews.net/rss":                              "9b024349-ccf0-5f69-a609-6b82873eab3c",
		"http://podnews.net/rss/":                      "9b024349-ccf0-5f69-a609-6b82873eab3c",
		"prayer.example.org/feeds/podcast.rss":         "a332d38d-07a9-579e-9b70-0c643b7e5e67",
		"https://example.org/prayer/feeds/podcast.rss": "d99c03f1-dfd2-5369-ab5d-2e5f8d1129ad",
	}
	for url, want := range tests {
		if got := load.PodcastGUID(url); got != want {
			t.Errorf("PodcastGUID(%q) = %s, want %s", url, got, want)
		}
	}
}

func loadPodcast(t *testing.T, site string) *bulletin.Podcast {
	t.Helper()
	s, errs := load.Site(fstest.MapFS{"site.yaml": {Data: []byte(site)}}, "bulletins")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if s.Podcast == nil {
		t.Fatal("no podcast settings")
	}
	return s.Podcast
}

func TestPodcastDefaults(t *testing.T) {
	p := loadPodcast(t, siteWithoutIDDomain+podcastYAML)
	want := bulletin.Podcast{
		Pos:         bulletin.Pos{File: "bulletins/site.yaml", Line: 13, Col: 1},
		Settings:    bulletin.Pos{File: "bulletins/site.yaml", Line: 14, Col: 3},
		Title:       "Test Prayer",
		Author:      "Test Org",
		Owner:       bulletin.Org{Name: "Test Org", Email: "prayer@example.org"},
		Image:       "https://prayer.example.org/podcast.jpg",
		Category:    "Religion & Spirituality",
		Subcategory: "Christianity",
		GUID:        "a332d38d-07a9-579e-9b70-0c643b7e5e67",
		Locked:      true,
	}
	if diff := cmp.Diff(want, *p, cmpopts.IgnoreFields(bulletin.Podcast{}, "Fields")); diff != "" {
		t.Errorf("settings (-want +got):\n%s", diff)
	}

	p = loadPodcast(t, siteWithoutIDDomain+podcastYAML+`  title: Prayer Podcast
  author: The Prayer Team
  owner:
    name: Podcast Desk
    email: podcast@example.org
  explicit: true
  locked: false
  guid: 9b024349-ccf0-5f69-a609-6b82873eab3c
`)
	if p.Title != "Prayer Podcast" || p.Author != "The Prayer Team" || p.Owner != (bulletin.Org{Name: "Podcast Desk", Email: "podcast@example.org"}) ||
		!p.Explicit || p.Locked || p.GUID != "9b024349-ccf0-5f69-a609-6b82873eab3c" {
		t.Errorf("settings not read: %+v", *p)
	}

	// The default guid takes id_domain, not base_url's host, so that it
	// stays when the site moves.
	moved := strings.Replace(siteWithoutIDDomain, "base_url: https://prayer.example.org/", "base_url: https://new.example.net/\nid_domain: prayer.example.org", 1)
	if p := loadPodcast(t, moved+podcastYAML); p.GUID != "a332d38d-07a9-579e-9b70-0c643b7e5e67" {
		t.Errorf("guid after a move to another host: %s", p.GUID)
	}
}

func TestPodcastRules(t *testing.T) {
	const f = "b.yaml"
	const p = "bulletins/b.yaml:"
	const s = "bulletins/site.yaml:"
	withAudio := strings.Replace(goodBulletin, "items:", audioYAML+"items:", 1)
	tests := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"audio without podcast settings", map[string]string{f: withAudio},
			[]string{p + "7:3: audio needs the podcast settings of site.yaml: add podcast: to it, with image: and category:"}},
		{"podcast without image and category", map[string]string{"site.yaml": siteWithoutIDDomain + "podcast:\n  explicit: false\n", f: withAudio}, []string{
			s + "13:1: podcast has no category, which the feed of bulletins with audio (the first at bulletins/b.yaml:7:3) needs: add category: with one of Apple's categories, such as \"Religion & Spirituality\"",
			s + "13:1: podcast has no image, which the feed of bulletins with audio (the first at bulletins/b.yaml:7:3) needs: add image: with the https URL of square JPEG or PNG artwork, 1400 to 3000 pixels wide, as Apple Podcasts requires",
		}},
		{"the first audio is named", map[string]string{"site.yaml": siteWithoutIDDomain + "podcast:\n  category: History\n", "a.yaml": goodBulletin,
			f: strings.Replace(withAudio, "2026-11-20", "2026-11-27", 1), "c.yaml": strings.Replace(withAudio, "2026-11-20", "2026-12-04", 1)}, []string{
			s + "13:1: podcast has no image, which the feed of bulletins with audio (the first at bulletins/b.yaml:7:3) needs: add image: with the https URL of square JPEG or PNG artwork, 1400 to 3000 pixels wide, as Apple Podcasts requires",
		}},
		{"podcast settings without audio are fine", map[string]string{"site.yaml": siteWithoutIDDomain + "podcast:\n  explicit: false\n", f: goodBulletin}, nil},
		{"image not https", map[string]string{"site.yaml": siteWithoutIDDomain + strings.Replace(podcastYAML, "https://", "http://", 1)},
			[]string{s + "14:10: image \"http://prayer.example.org/podcast.jpg\" must be an https URL, such as \"https://example.org/podcast.jpg\""}},
		{"image not JPEG or PNG", map[string]string{"site.yaml": siteWithoutIDDomain + strings.Replace(podcastYAML, "podcast.jpg", "podcast.webp", 1)},
			[]string{s + "14:10: image \"https://prayer.example.org/podcast.webp\" must be JPEG or PNG artwork, the only kinds Apple Podcasts accepts"}},
		{"image not a URL", map[string]string{"site.yaml": siteWithoutIDDomain + strings.Replace(podcastYAML, "https://prayer.example.org/", "", 1)},
			[]string{s + "14:10: image \"podcast.jpg\" must be an absolute URL starting with https:// (or http://)"}},
		{"category spelt otherwise", map[string]string{"site.yaml": siteWithoutIDDomain + strings.Replace(podcastYAML, "Religion & Spirituality", "religion and spirituality", 1)},
			[]string{s + "15:13: unknown category \"religion and spirituality\" (did you mean \"Religion & Spirituality\"?)"}},
		{"subcategory as category", map[string]string{"site.yaml": siteWithoutIDDomain + strings.Replace(podcastYAML, "category: Religion & Spirituality\n  subcategory: Christianity\n", "category: Christianity\n", 1)},
			[]string{s + "15:13: unknown category \"Christianity\"; \"Christianity\" is a subcategory: write category: Religion & Spirituality and subcategory: Christianity"}},
		{"unknown category", map[string]string{"site.yaml": siteWithoutIDDomain + strings.Replace(podcastYAML, "Religion & Spirituality", "Prayer", 1)},
			[]string{s + "15:13: unknown category \"Prayer\"; use one of Apple's categories, such as \"Religion & Spirituality\" (see https://podcasters.apple.com/support/1691-apple-podcasts-categories)"}},
		{"unknown subcategory", map[string]string{"site.yaml": siteWithoutIDDomain + strings.Replace(podcastYAML, "Christianity", "Prayer", 1)},
			[]string{s + "16:16: unknown subcategory \"Prayer\" of \"Religion & Spirituality\"; use \"Buddhism\", \"Christianity\", \"Hinduism\", \"Islam\", \"Judaism\", \"Religion\" or \"Spirituality\""}},
		{"subcategory of a category without any", map[string]string{"site.yaml": siteWithoutIDDomain + strings.Replace(podcastYAML, "Religion & Spirituality", "History", 1)},
			[]string{s + "16:16: category \"History\" has no subcategories; remove subcategory"}},
		{"subcategory without category", map[string]string{"site.yaml": siteWithoutIDDomain + "podcast:\n  subcategory: Christianity\n"},
			[]string{s + "14:16: subcategory \"Christianity\" needs a category"}},
		{"owner e-mail", map[string]string{"site.yaml": siteWithoutIDDomain + podcastYAML + "  owner:\n    email: podcast at example.org\n"},
			[]string{s + "18:12: email \"podcast at example.org\" is not an e-mail address such as \"podcast@example.org\""}},
		{"guid not a UUID", map[string]string{"site.yaml": siteWithoutIDDomain + podcastYAML + "  guid: my-podcast\n"},
			[]string{s + "17:9: guid \"my-podcast\" must be a UUID, 36 characters shaped as \"xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx\"; leave it out to have one made from the feed's URL"}},
		{"explicit not a boolean", map[string]string{"site.yaml": siteWithoutIDDomain + podcastYAML + "  explicit: \"no\"\n"},
			[]string{s + "17:13: explicit must be true or false, not \"no\""}},
		{"unknown key", map[string]string{"site.yaml": siteWithoutIDDomain + podcastYAML + "  artwork: x\n"},
			[]string{s + "17:3: unknown key \"artwork\" in podcast"}},
		{"podcast not a mapping", map[string]string{"site.yaml": siteWithoutIDDomain + "podcast: yes\n"},
			[]string{s + "13:10: podcast must be a mapping of keys and values, not \"yes\""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := tt.files
			if _, ok := files[f]; !ok {
				files[f] = goodBulletin
			}
			errs, _ := check(t, files)
			if strings.Join(errs, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n\t%s\nwant\n\t%s", strings.Join(errs, "\n\t"), strings.Join(tt.want, "\n\t"))
			}
		})
	}
}
