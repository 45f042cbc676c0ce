// Command terraform-provider-cxone serves the CXone Terraform provider over
// plugin protocol 6.
package main

import (
	"flag"
	"log"
	"os"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"

	"github.com/cxone-oss/terraform-provider-cxone/internal/provider"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

// address is the provider's registry address, which Terraform matches in
// dev_overrides and debug reattach configurations.
const address = "registry.terraform.io/cxone-oss/cxone"

func main() {
	var debug bool
	flag.BoolVar(&debug, "debug", false, "run the provider with support for debuggers like delve")
	flag.Parse()
	tuneGC(os.LookupEnv)

	var opts []tf6server.ServeOpt
	if debug {
		opts = append(opts, tf6server.WithManagedDebug())
	}
	// tf6server.Serve is what providerserver.Serve runs, given the provider's
	// own server (see provider.NewProtocol6Server).
	if err := tf6server.Serve(address, provider.NewProtocol6Server(version), opts...); err != nil {
		log.Fatal(err)
	}
}
