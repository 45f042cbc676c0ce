// Command terraform-provider-cxone serves the CXone Terraform provider over
// plugin protocol 6.
package main

import (
	"context"
	"flag"
	"log"
	"os"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"

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
	if !debug {
		// Under -debug the provider runs outside Terraform and its logs go to the
		// console, where a developer asked for them.
		quietUnlessTerraformLogs(os.Getenv, os.Setenv)
	}

	err := providerserver.Serve(context.Background(), provider.New(version), providerserver.ServeOpts{
		Address: address,
		Debug:   debug,
	})
	if err != nil {
		log.Fatal(err)
	}
}
