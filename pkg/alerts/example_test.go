package alerts_test

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsmon/newsmon/pkg/alerts"
	"github.com/newsmon/newsmon/pkg/bus"
	"github.com/newsmon/newsmon/pkg/events"
	"github.com/newsmon/newsmon/pkg/natsembed"
)

// This example subscribes durably to chip-policy alerts of medium severity
// and above. To keep it self-contained it starts an embedded NATS server and
// publishes one alert itself; against a running newsmon, connect to its
// NATS URL (nats://127.0.0.1:4222 by default) and skip both.
func Example() {
	dir, _ := os.MkdirTemp("", "alerts-example")
	defer os.RemoveAll(dir)
	ns, err := natsembed.Start(natsembed.Options{Port: -1, StoreDir: dir})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer natsembed.Stop(ns)
	nc, err := nats.Connect(ns.ClientURL())
	if err != nil {
		fmt.Println(err)
		return
	}
	defer nc.Close()
	js, _ := jetstream.New(nc)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_ = bus.Ensure(ctx, js, bus.Default(bus.Options{})) // newsmon does this at start

	got := make(chan alerts.Alert, 1)
	sub, err := alerts.Subscribe(ctx, js, alerts.Options{
		Filter:  alerts.Filter{Topic: "chip_policy", MinSeverity: events.SeverityMedium},
		Durable: "policy-desk", // the server remembers our place while we are away
	}, func(ctx context.Context, a alerts.Alert) error {
		got <- a
		return nil // nil acknowledges; an error redelivers later
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer sub.Stop()

	a := events.Alert{ID: events.AlertID("h200", "chip_policy", 1), StoryID: "h200", Revision: 1, Kind: events.AlertNew,
		Topic: "chip_policy", Severity: events.SeverityHigh, Confidence: 0.91,
		Headline: "US and China approve Nvidia H200 sales with conditions", URL: "https://news.example/h200",
		Facts: events.Facts{ChipPolicy: &events.ChipPolicyFacts{Jurisdictions: []string{"US", "China"},
			Action: events.ActionLicenceApproval, Status: events.PolicyApprovedWithConditions, Chips: []string{"H200"}}}}
	_, _ = bus.NewPublisher(js, "example", nil).Publish(ctx, bus.Event{Subject: a.Subject(), Type: events.TypeAlert,
		Schema: events.SchemaAlert, ID: a.MsgID(), Data: a})

	select {
	case a := <-got:
		fmt.Println(alerts.FormatLine(a))
	case <-ctx.Done():
		fmt.Println("no alert")
	}
	// Output:
	// HIGH chip_policy new r1 · US and China approve Nvidia H200 sales with conditions · licence approval, approved with conditions: US → China, chips H200 · conf 0.91 · https://news.example/h200
}
