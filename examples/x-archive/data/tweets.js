window.YTD.tweets.part0 = [
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1965000000000000101"
          ],
          "editableUntil" : "",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "80"
      ],
      "favorite_count" : "4",
      "id_str" : "1965000000000000101",
      "truncated" : false,
      "retweet_count" : "1",
      "id" : "1965000000000000101",
      "created_at" : "Mon Sep 08 08:15:00 +0000 2025",
      "favorited" : false,
      "full_text" : "Welcome back everyone! Year 3 have settled brilliantly into their new classroom.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1965000000000000102"
          ],
          "editableUntil" : "",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : [],
        "media" : [
          {
            "media_url_https" : "https://pbs.twimg.com/media/G3aLpHoTo1.jpg",
            "type" : "photo",
            "id_str" : "1965000000000000109"
          }
        ]
      },
      "display_text_range" : [
        "0",
        "88"
      ],
      "favorite_count" : "4",
      "id_str" : "1965000000000000102",
      "truncated" : false,
      "retweet_count" : "1",
      "id" : "1965000000000000102",
      "created_at" : "Thu Oct 16 14:20:00 +0000 2025",
      "favorited" : false,
      "full_text" : "Well done Poppy Fairweather for a super swim at the district gala! https://t.co/gAlA2025",
      "lang" : "en",
      "extended_entities" : {
        "media" : [
          {
            "media_url_https" : "https://pbs.twimg.com/media/G3aLpHoTo1.jpg",
            "type" : "photo",
            "id_str" : "1965000000000000109"
          }
        ]
      }
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1965000000000000103"
          ],
          "editableUntil" : "",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "60"
      ],
      "favorite_count" : "4",
      "id_str" : "1965000000000000103",
      "truncated" : false,
      "retweet_count" : "1",
      "id" : "1965000000000000103",
      "created_at" : "Sat Nov 15 10:30:00 +0000 2025",
      "favorited" : false,
      "full_text" : "Kick off! Come on Oakfield U11s, 0-0 so far ⚽ #OakfieldSport",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1965000000000000104"
          ],
          "editableUntil" : "",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "47"
      ],
      "favorite_count" : "4",
      "id_str" : "1965000000000000104",
      "truncated" : false,
      "retweet_count" : "1",
      "id" : "1965000000000000104",
      "created_at" : "Sun Nov 16 20:05:00 +0000 2025",
      "favorited" : false,
      "full_text" : "Reminder: reading records are due in on Monday.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1965000000000000105"
          ],
          "editableUntil" : "",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "79"
      ],
      "favorite_count" : "4",
      "id_str" : "1965000000000000105",
      "truncated" : false,
      "retweet_count" : "1",
      "id" : "1965000000000000105",
      "created_at" : "Tue Jan 13 11:40:00 +0000 2026",
      "favorited" : false,
      "full_text" : "Fish &amp; chip lunch on Friday! Menus are on the website https://t.co/mEnU2026",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1965000000000000106"
          ],
          "editableUntil" : "",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "83"
      ],
      "favorite_count" : "4",
      "id_str" : "1965000000000000106",
      "truncated" : false,
      "retweet_count" : "1",
      "id" : "1965000000000000106",
      "created_at" : "Wed Feb 11 16:00:00 +0000 2026",
      "favorited" : false,
      "full_text" : "Not our best performance today. The team simply didn't turn up and we were rubbish.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1965000000000000107"
          ],
          "editableUntil" : "",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "39"
      ],
      "favorite_count" : "4",
      "id_str" : "1965000000000000107",
      "truncated" : false,
      "retweet_count" : "1",
      "id" : "1965000000000000107",
      "created_at" : "Thu Mar 12 12:10:00 +0000 2026",
      "favorited" : false,
      "full_text" : "Amelia, your lunchbox is in the office.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1965000000000000108"
          ],
          "editableUntil" : "",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "user_mentions" : [],
        "urls" : []
      },
      "display_text_range" : [
        "0",
        "67"
      ],
      "favorite_count" : "4",
      "id_str" : "1965000000000000108",
      "truncated" : false,
      "retweet_count" : "1",
      "id" : "1965000000000000108",
      "created_at" : "Mon Jun 22 17:20:00 +0000 2026",
      "favorited" : false,
      "full_text" : "Summer fair raffle tickets are on sale at the office from tomorrow.",
      "lang" : "en"
    }
  }
]
