package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/list"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
)

func (r *digitalUserPermissionsResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = agentListSchema("Lists the users with digital engagement on, the ones `cxone_digital_user_permissions` manages.")
}

func (r *digitalUserPermissionsResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	listAgents(ctx, &r.Resource, req, stream, "Unable to List Digital User Permissions", cxone.AgentListOptions{},
		func(a cxone.Agent) bool { return a.DigitalEngagementEnabled }, flattenDigitalUserPermissions)
}
