package dev.videotutorials.app.web.creatorsportal;

import dev.videotutorials.app.web.common.Page;

/** The creators' portal placeholder: "coming soon" for users, "log in first" for visitors. */
public record CreatorsPortalView(Page page) {
}
