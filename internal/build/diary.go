package build

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"time"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
	"github.com/prayerfeed/prayerfeed/internal/feed"
	"github.com/prayerfeed/prayerfeed/internal/ical"
)

// A DiaryRecord is a published day of the prayer diary: which point it
// gave, and its SEQUENCE.
type DiaryRecord struct {
	Point    string `json:"point"` // the point's feed entry ID
	State    string `json:"state"` // a digest of what the day said
	Sequence int    `json:"sequence,omitempty"`
}

// settleDiary gives each day of the diary its SEQUENCE: the previous
// build's, one higher when the day's point or its words changed, as the
// day keeps its UID for good. It returns the records for the next
// manifest.
func (m *Model) settleDiary(prev *Manifest) map[string]DiaryRecord {
	records := map[string]DiaryRecord{}
	for i, d := range m.Diary {
		pt := d.Point
		id := m.Site.PointEntryID(pt)
		h := sha256.Sum256([]byte(id + "\x00" + pt.Title + "\x00" + pt.Body.String() + "\x00" + string(pt.Kind) + "\x00" + pt.Region))
		r := DiaryRecord{Point: id, State: hex.EncodeToString(h[:8])}
		if p, ok := prev.diary()[d.Day.String()]; ok {
			r.Sequence = p.Sequence
			if p.State != r.State {
				r.Sequence = min(p.Sequence+1, maxSequence)
			}
		}
		m.Diary[i].Sequence = r.Sequence
		records[d.Day.String()] = r
	}
	// A day the diary no longer gives (its bulletin was taken back)
	// stays in the calendar as cancelled while the diary would keep it,
	// so that subscribers' copies go; older days go quietly.
	loc := m.Site.Location
	if loc == nil {
		loc = time.UTC
	}
	first := bulletin.DateOf(m.Now.In(loc)).AddDays(-bulletin.DiaryPast).String()
	for day, p := range prev.diary() {
		d, err := time.Parse("2006-01-02", day)
		if _, ok := records[day]; ok || err != nil || day < first {
			continue // given still, not a day (a manifest edited by hand), or past
		}
		r := DiaryRecord{State: goneState, Sequence: p.Sequence}
		if p.State != goneState {
			r.Sequence = min(p.Sequence+1, maxSequence)
		}
		records[day] = r
		m.DiaryGone = append(m.DiaryGone, ical.DiaryDay{DiaryDay: bulletin.DiaryDay{Day: bulletin.DateOf(d)}, Sequence: r.Sequence})
	}
	slices.SortFunc(m.DiaryGone, func(a, b ical.DiaryDay) int { return a.Day.Compare(b.Day) })
	return records
}

// goneState is the state of a day the diary no longer gives.
const goneState = "cancelled"

// diary returns the previous manifest's days of the diary.
func (man *Manifest) diary() map[string]DiaryRecord {
	if man == nil {
		return nil
	}
	return man.Diary
}

// diaryCalendar lists the prayer diary's calendar, unless the site turns
// the diary off.
func diaryCalendar(m *Model) []Job {
	if m.Site.DiaryOff {
		return nil
	}
	return []Job{{Path: ical.DiaryPath, Render: func(w *bytes.Buffer, p *Part) error {
		stamp := time.Unix(0, 0) // as the other calendars' when nothing is published
		if len(m.Bulletins) > 0 {
			stamp = m.Bulletins[0].Modified()
		}
		return ical.EncodeDiary(w, m.Site, feed.DiaryTitle(m.Site), m.Diary, m.DiaryGone, stamp, p.Text.Text)
	}}}
}
