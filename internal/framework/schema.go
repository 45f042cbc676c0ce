package framework

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// The attributes most resource schemas have, written once.

// IDAttribute is a resource's `id`: CXone's ID of the object, computed, and kept from
// the state once known so that a plan does not show it as changing; more plan
// modifiers, if any, come after that one (an ID built from other attributes).
func IDAttribute(description string, more ...planmodifier.String) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: description,
		Computed:            true,
		PlanModifiers:       append([]planmodifier.String{stringplanmodifier.UseStateForUnknown()}, more...),
	}
}

// ReplacedString is a required string attribute with the given validators whose
// change replaces the object.
func ReplacedString(description string, validators ...validator.String) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: description,
		Required:            true,
		Validators:          validators,
		PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
	}
}

// ReplacedID is a required attribute holding the numeric ID of another object (a
// whole number from 1), whose change replaces the object: the ends of a link.
func ReplacedID(description string) schema.Int64Attribute {
	return schema.Int64Attribute{
		MarkdownDescription: description,
		Required:            true,
		Validators:          []validator.Int64{int64validator.AtLeast(1)},
		PlanModifiers:       []planmodifier.Int64{int64planmodifier.RequiresReplace()},
	}
}

// RequiredString is a required string attribute with the given validators.
func RequiredString(description string, validators ...validator.String) schema.StringAttribute {
	return schema.StringAttribute{MarkdownDescription: description, Required: true, Validators: validators}
}

// OptionalEmptyString is an optional string attribute whose default is "", which its
// description says at the end ("Defaults to `\"\"`.").
func OptionalEmptyString(description string) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: description + " Defaults to `\"\"`.",
		Optional:            true,
		Computed:            true,
		Default:             stringdefault.StaticString(""),
	}
}

// OptionalBool is an optional bool attribute with a default, which its description
// says at the end ("Defaults to `true`.").
func OptionalBool(description string, def bool) schema.BoolAttribute {
	return schema.BoolAttribute{
		MarkdownDescription: fmt.Sprintf("%s Defaults to `%t`.", description, def),
		Optional:            true,
		Computed:            true,
		Default:             booldefault.StaticBool(def),
	}
}
