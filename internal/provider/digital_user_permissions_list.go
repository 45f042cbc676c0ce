package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/list"

	"github.com/cxone-oss/terraform-provider-cxone/internal/cxone"
)

var digitalUserPermissionsList = agentList("Lists the users with digital engagement on, the ones "+
	"`cxone_digital_user_permissions` manages.", "Unable to List Digital User Permissions", cxone.AgentListOptions{},
	func(a cxone.Agent) bool { return a.DigitalEngagementEnabled }, flattenDigitalUserPermissions)

func (r *digitalUserPermissionsResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = digitalUserPermissionsList.schema()
}

func (r *digitalUserPermissionsResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	digitalUserPermissionsList.list(ctx, &r.Resource, req, stream)
}
