module github.com/newsmon/newsmon/services/notifier

go 1.26.8

require (
	github.com/newsmon/newsmon/pkg v0.0.0
	github.com/santhosh-tekuri/jsonschema/v6 v6.0.3
	gopkg.in/yaml.v3 v3.0.1
)

require golang.org/x/text v0.43.0 // indirect

replace github.com/newsmon/newsmon/pkg => ../../pkg
