module github.com/newsmon/newsmon/services/feed-fetcher

go 1.26.8

require (
	github.com/PuerkitoBio/goquery v1.13.0
	github.com/mmcdole/gofeed v1.4.2
	github.com/newsmon/newsmon/pkg v0.0.0
	github.com/santhosh-tekuri/jsonschema/v6 v6.0.3
	golang.org/x/net v0.58.0
	gopkg.in/yaml.v3 v3.0.1
)

require (
	code.dny.dev/ssrf v0.3.0 // indirect
	github.com/andybalholm/brotli v1.3.0 // indirect
	github.com/andybalholm/cascadia v1.3.4 // indirect
	github.com/mmcdole/goxpp/v2 v2.0.0 // indirect
	golang.org/x/text v0.43.0 // indirect
)

replace github.com/newsmon/newsmon/pkg => ../../pkg
