module github.com/prayerfeed/prayerfeed

go 1.26.0

require (
	github.com/agnivade/levenshtein v1.2.2
	github.com/arran4/golang-ical v0.3.6
	github.com/google/go-cmp v0.7.0
	github.com/google/uuid v1.6.0
	github.com/gorilla/feeds v1.2.0
	github.com/mmcdole/gofeed v1.5.0
	github.com/teambition/rrule-go v1.8.2
	github.com/yuin/goldmark v1.8.7
	go.yaml.in/yaml/v3 v3.0.6
	golang.org/x/net v0.59.0
	golang.org/x/text v0.42.0
	golang.org/x/tools v0.51.0
)

require github.com/mmcdole/goxpp/v2 v2.0.0 // indirect
