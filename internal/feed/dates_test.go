package feed_test

import (
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
	"github.com/prayerfeed/prayerfeed/internal/feed"
	"github.com/prayerfeed/prayerfeed/internal/spool"
)

// TestEntryDates checks, for sites from the far west to the far east of
// UTC, that readers list every entry of a bulletin under the bulletin's
// date, whether they show the site's zone or UTC, and in reading order.
func TestEntryDates(t *testing.T) {
	parser := gofeed.NewParser()
	for _, zone := range []string{"Pacific/Pago_Pago", "America/New_York", "UTC", "Europe/London", "Asia/Manila", "Australia/Sydney", "Pacific/Kiritimati"} {
		loc, err := time.LoadLocation(zone)
		if err != nil {
			t.Fatal(err)
		}
		base, _ := url.Parse("https://example.org/")
		s := &bulletin.Site{Title: "T", Description: "D", BaseURL: base, Language: "en", Location: loc, IDDomain: "example.org",
			Org: bulletin.Org{Name: "O"}, FeedLimit: 10, Regions: []*bulletin.Region{{ID: "asia", Name: "Asia"}}}
		// 11 December, in winter and in summer.
		for _, day := range []time.Time{time.Date(2026, 12, 11, 0, 0, 0, 0, loc), time.Date(2026, 6, 12, 0, 0, 0, 0, loc)} {
			b := &bulletin.Bulletin{ID: day.Format(time.DateOnly), Title: "Bulletin", Date: day}
			for _, title := range []string{"First", "Second", "Third"} {
				b.Points = append(b.Points, &bulletin.Point{ID: strings.ToLower(title), Region: "asia", Kind: bulletin.Prayer, Title: title, Body: spool.Of(title + "."), Bulletin: b})
			}
			set := feed.Build(s, []*bulletin.Bulletin{b}, nil, nil, day.AddDate(0, 0, 1))
			for _, f := range set.Heads {
				fd, err := parser.ParseString(string(encodeFeed(t, feed.EncodeRSS, f)))
				if err != nil {
					t.Fatal(err)
				}
				slices.SortStableFunc(fd.Items, func(a, b *gofeed.Item) int { return b.PublishedParsed.Compare(*a.PublishedParsed) })
				var order []string
				for _, it := range fd.Items {
					order = append(order, it.Title)
					for _, in := range []*time.Location{loc, time.UTC} {
						if got := it.PublishedParsed.In(in).Format(time.DateOnly); got != b.ID {
							t.Errorf("%s, %s: %q is dated %s in %s", zone, f.Name, it.Title, got, in)
						}
					}
				}
				if f.Name == "asia" && !slices.Equal(order, []string{"First", "Second", "Third"}) {
					t.Errorf("%s: readers list the points as %q", zone, order)
				}
			}
		}
	}
}
