package bulletin

import (
	"slices"
	"time"
)

// A DiaryDay is a day of the prayer diary and the point to pray that day.
type DiaryDay struct {
	Day   Date
	Point *Point
}

// DiaryWeek is how many days the newest bulletin's points fill, until the
// next bulletin's publication takes over from its day.
const DiaryWeek = 7

// DiaryPast is how many days before today the diary keeps.
const DiaryPast = 30

// Diary returns the prayer diary of the published bulletins (Public's, in
// any order) at now, a day at a time, oldest first: from each bulletin's
// publication day, in the site's zone, until the next bulletin's, its
// points one a day in reading order (or in the order its diary gives),
// again from the first when the days outnumber them; the newest bulletin
// fills DiaryWeek days. Days given by a bulletin's diary take the point
// it names. The diary keeps the days from DiaryPast days before today,
// draws only on the regions the site's diary names (all when it names
// none), and is empty when the site turns it off.
func (s *Site) Diary(bulletins []*Bulletin, now time.Time) []DiaryDay {
	if s.DiaryOff {
		return nil
	}
	loc := s.Location
	if loc == nil {
		loc = time.UTC
	}
	day := func(b *Bulletin) Date { return DateOf(b.Published().In(loc)) }
	bs := slices.Clone(bulletins)
	slices.SortStableFunc(bs, func(a, b *Bulletin) int { return a.Published().Compare(b.Published()) })
	first := DateOf(now.In(loc)).AddDays(-DiaryPast)
	var days []DiaryDay
	for i, b := range bs {
		start, end := day(b), day(b).AddDays(DiaryWeek)
		if i+1 < len(bs) {
			end = day(bs[i+1])
		}
		if end.Before(first) || end == first {
			continue
		}
		order := s.diaryOrder(b)
		if len(order) == 0 {
			continue
		}
		n := 0
		for d := start; d.Before(end); d = d.AddDays(1) {
			pt := b.Point(b.DiaryDays[d])
			if pt == nil || !s.inDiary(pt) {
				pt = order[n%len(order)]
				n++
			}
			if !d.Before(first) {
				days = append(days, DiaryDay{d, pt})
			}
		}
	}
	return days
}

// diaryOrder returns the points of b that the diary draws on, in the
// order they are prayed.
func (s *Site) diaryOrder(b *Bulletin) []*Point {
	var order []*Point
	if len(b.DiaryOrder) > 0 {
		for _, id := range b.DiaryOrder {
			if pt := b.Point(id); pt != nil && s.inDiary(pt) {
				order = append(order, pt)
			}
		}
		return order
	}
	for _, pt := range b.Points {
		if s.inDiary(pt) {
			order = append(order, pt)
		}
	}
	return order
}

// inDiary reports whether the diary draws on pt: a published point of a
// region the site's diary names, or of any when it names none.
func (s *Site) inDiary(pt *Point) bool {
	return !pt.Private && (len(s.DiaryRegions) == 0 || slices.Contains(s.DiaryRegions, pt.Region))
}
